import { graphql } from "../../../gql";

export const PARTNER = graphql(`
  query Partner($id: ID!) {
    partner(id: $id) {
      ...PartnerDetails
      engagements {
        id
        date
        kind
        attendees
        notes
      }
      recruitedWorkers(first: 100) {
        totalCount
        nodes {
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
  }
`);
