import { graphql } from "../../../gql";

// Without parentCode: the provinces. Klaten has 26 districts and 401 villages, a district
// at most a few dozen villages, so one call lists every child.
export const REGIONS = graphql(`
  query Regions($parentCode: ID, $level: RegionLevel) {
    regions(parentCode: $parentCode, level: $level, first: 1000) {
      code
      name
      level
    }
  }
`);
