import { graphql } from "../../../gql";

// The sponsor flow's worker picker: those not covered this month come first to mind,
// so the list can be narrowed by coverage status as well as by name or NIK.
export const PICK_WORKERS = graphql(`
  query PickWorkers($filter: WorkerFilter, $after: String) {
    workers(first: 20, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        id
        nik
        fullName
        coverageStatus
        coveredThrough
        village {
          code
          name
        }
      }
    }
  }
`);
