import { graphql } from "../../../gql";

export const REGIONAL_TARGETS = graphql(`
  query RegionalTargets($regionCode: ID, $year: Int) {
    regionalTargets(regionCode: $regionCode, year: $year) {
      id
      year
      informalWorkers
      baselineCovered
      targetCovered
      note
      updatedAt
      region {
        code
        name
      }
      progress {
        asOf
        covered
        sponsoredActive
        attainment
        coverageRate
      }
    }
  }
`);
