import { graphql } from "../../../gql";

export const COVERAGE_CHECK = graphql(`
  query CoverageCheck($nik: String!, $date: Date!) {
    coverageCheck(nik: $nik, date: $date) {
      nik
      date
      covered
      coveredThrough
      coveredBy {
        id
        month
        status
      }
      worker {
        id
        fullName
        coverageStatus
        village {
          code
          name
        }
      }
    }
  }
`);
