import { graphql } from "../../../gql";

export const WORKERS = graphql(`
  query Workers($first: Int!, $after: String, $filter: WorkerFilter, $orderBy: WorkerOrder) {
    workers(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        id
        nik
        fullName
        gender
        occupation
        phone
        membershipNumber
        coverageStatus
        coveredThrough
        createdAt
        village {
          code
          name
        }
      }
    }
  }
`);
