import { graphql } from "../../../gql";

export const PARTNER = graphql(`
  query Partner($id: ID!) {
    partner(id: $id) {
      id
      name
      kind
      active
      address
      phone
      email
      agreementNumber
      agreementStart
      agreementEnd
      region {
        code
        name
      }
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
