import { graphql } from "../../../gql";

export const DONOR_PAYMENTS = graphql(`
  query DonorPayments($donorId: ID!) {
    payments(first: 100, filter: { donorId: $donorId }) {
      totalCount
      nodes {
        id
        amount
        paidAt
        reference
        allocated
        unallocated
      }
    }
  }
`);
