import { graphql } from "../../../gql";

export const REPORT_ACCIDENT = graphql(`
  mutation ReportAccident($input: ReportAccidentInput!) {
    reportAccident(input: $input) {
      ...AccidentReportFields
    }
  }
`);
