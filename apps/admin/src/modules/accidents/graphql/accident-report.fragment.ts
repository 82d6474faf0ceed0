import { graphql } from "../../../gql";

/** What the list, the detail page and the worker page show of a report. */
export const ACCIDENT_REPORT_FIELDS = graphql(`
  fragment AccidentReportFields on AccidentReport {
    id
    occurredAt
    createdAt
    place
    cause
    description
    reporterName
    reporterPhone
    status
    late
    coveredBy {
      id
      month
    }
    partner {
      id
      name
      kind
    }
    worker {
      id
      nik
      fullName
      village {
        code
        name
      }
    }
  }
`);
