import { graphql } from "../../../gql";

export const ACCIDENT_REPORT = graphql(`
  query AccidentReport($id: ID!) {
    accidentReport(id: $id) {
      ...AccidentReportFields
    }
  }
`);
