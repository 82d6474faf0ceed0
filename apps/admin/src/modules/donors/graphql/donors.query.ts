import { graphql } from "../../../gql";

export const DONORS = graphql(`
  query Donors($first: Int!, $after: String, $filter: DonorFilter) {
    donors(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        id
        name
        kind
        region {
          code
          name
        }
        summary {
          workersSponsored
          workersActive
          outstanding
          credit
        }
      }
    }
  }
`);
