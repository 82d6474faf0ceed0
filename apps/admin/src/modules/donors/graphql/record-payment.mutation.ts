import { graphql } from "../../../gql";

export const RECORD_PAYMENT = graphql(`
  mutation RecordPayment($input: RecordPaymentInput!) {
    recordPayment(input: $input) {
      id
      amount
      allocated
      unallocated
    }
  }
`);
