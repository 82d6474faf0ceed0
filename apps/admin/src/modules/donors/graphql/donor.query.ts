import { graphql } from "../../../gql";

export const DONOR = graphql(`
  query Donor($id: ID!) {
    donor(id: $id) {
      ...DonorDetails
      createdAt
      summary {
        committed
        paid
        outstanding
        credit
        workersSponsored
        workersActive
      }
      sponsorships(first: 100) {
        totalCount
        nodes {
          id
          package
          startMonth
          endMonth
          months
          status
          cancelReason
          monthlyContribution
          paid
          total
          worker {
            id
            fullName
          }
        }
      }
    }
  }
`);
