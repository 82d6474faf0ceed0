import { graphql } from "../../../gql";

export const WORKER = graphql(`
  query Worker($id: ID!) {
    worker(id: $id) {
      id
      nik
      fullName
      gender
      birthDate
      occupation
      phone
      membershipNumber
      coverageStatus
      coveredThrough
      createdAt
      updatedAt
      recruitedBy {
        id
        name
      }
      village {
        code
        name
        parent {
          code
          name
        }
      }
      accidentReports {
        id
        occurredAt
        place
        status
        late
        partner {
          id
          name
        }
      }
      sponsorships {
        id
        package
        startMonth
        endMonth
        months
        status
        cancelReason
        monthlyContribution
        paid
        total
        donor {
          id
          name
        }
        contributions {
          id
          month
          status
          amount
        }
      }
    }
  }
`);
