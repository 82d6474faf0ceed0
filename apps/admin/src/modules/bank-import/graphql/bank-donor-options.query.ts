import { graphql } from "../../../gql";

/** Donors whose name holds the typed text, for the picker of an unmatched bank row. */
export const BANK_DONOR_OPTIONS = graphql(`
  query BankDonorOptions($filter: DonorFilter) {
    donors(first: 20, filter: $filter) {
      nodes {
        id
        name
        accountNumber
        region {
          code
          name
        }
      }
    }
  }
`);
