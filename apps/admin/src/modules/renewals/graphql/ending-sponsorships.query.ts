import { graphql } from "../../../gql";

export const ENDING_SPONSORSHIPS = graphql(`
  query EndingSponsorships($filter: SponsorshipFilter, $first: Int) {
    sponsorships(filter: $filter, first: $first) {
      totalCount
      nodes {
        id
        package
        declaredIncome
        monthlyContribution
        startMonth
        endMonth
        months
        status
        donor {
          id
          name
        }
        worker {
          id
          fullName
          village {
            code
            name
          }
        }
      }
    }
  }
`);
