import { graphql } from "../../../gql";

export const ACCIDENT_COUNT_FIELDS = graphql(`
  fragment AccidentCountFields on AccidentCount {
    regionCode
    total
    accepted
    notCovered
    late
    region {
      code
      name
    }
  }
`);

export const ACCIDENT_SUMMARY = graphql(`
  query AccidentSummary($month: YearMonth!, $regionCode: ID!) {
    accidentSummary(month: $month, regionCode: $regionCode) {
      month
      total {
        ...AccidentCountFields
      }
      children {
        ...AccidentCountFields
      }
    }
  }
`);
