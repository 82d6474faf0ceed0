import { graphql } from "../../../gql";

export const DONOR_REMINDERS = graphql(`
  query DonorReminders($first: Int!, $after: String, $filter: DonorReminderFilter) {
    donorReminders(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        id
        kind
        month
        amount
        status
        attempts
        sentAt
        lastError
        createdAt
        donor {
          id
          name
          phone
          email
        }
        sponsorships {
          id
          endMonth
        }
      }
    }
  }
`);
