import { graphql } from "../../../gql";

/** Matches a bank file's rows to donors and records them (or, on a dry run, only reports). */
export const IMPORT_BANK_PAYMENTS = graphql(`
  mutation ImportBankPayments($input: ImportBankPaymentsInput!) {
    importBankPayments(input: $input) {
      dryRun
      recorded
      recordedAmount
      ready
      readyAmount
      alreadyRecorded
      unmatched
      errors
      rows {
        line
        match
        outcome
        amount
        donor {
          id
          name
        }
        payment {
          id
        }
        error {
          code
          field
          message
        }
      }
    }
  }
`);
