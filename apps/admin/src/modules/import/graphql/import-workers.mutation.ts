import { graphql } from "../../../gql";

export const IMPORT_WORKERS = graphql(`
  mutation ImportWorkers($rows: [RegisterWorkerInput!]!, $dryRun: Boolean!) {
    importWorkers(rows: $rows, dryRun: $dryRun) {
      created
      duplicates
      errors {
        row
        field
        code
        message
      }
    }
  }
`);
