import { graphql } from "../../../gql";

export const COVERAGE_STATS = graphql(`
  query CoverageStats($regionCode: ID!) {
    coverageStats(regionCode: $regionCode) {
      asOf
      registeredWorkers
      active
      arrears
      lapsed
      uncovered
      contributionsPaid
      region {
        code
        name
        level
      }
      children {
        registeredWorkers
        active
        arrears
        lapsed
        region {
          code
          name
        }
      }
    }
  }
`);
