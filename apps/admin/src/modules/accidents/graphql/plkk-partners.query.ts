import { graphql } from "../../../gql";

/** The active PLKK a report can name, for the form's picker. */
export const PLKK_PARTNERS = graphql(`
  query PlkkPartners($first: Int!, $after: String, $filter: PartnerFilter) {
    partners(first: $first, after: $after, filter: $filter) {
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
      }
    }
  }
`);
