import { graphql } from "../../../gql";

export const ACCIDENT_REPORTS = graphql(`
  query AccidentReports($first: Int!, $after: String, $filter: AccidentReportFilter) {
    accidentReports(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        ...AccidentReportFields
      }
    }
  }
`);
