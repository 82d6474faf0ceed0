import { graphql } from "../../../gql";

export const COVERAGE_TIMELINE = graphql(`
  query CoverageTimeline($regionCode: ID!, $from: YearMonth!, $to: YearMonth!) {
    coverageTimeline(regionCode: $regionCode, from: $from, to: $to) {
      month
      active
      lapsed
      newlyCovered
      contributionsPaid
    }
  }
`);
