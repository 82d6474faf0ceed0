import { graphql } from "../../../gql";

export const PARTNERS = graphql(`
  query Partners($first: Int!, $after: String, $filter: PartnerFilter) {
    partners(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        id
        name
        kind
        active
        agreementEnd
        region {
          code
          name
        }
      }
    }
  }
`);
