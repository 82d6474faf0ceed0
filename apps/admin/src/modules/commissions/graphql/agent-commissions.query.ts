import { graphql } from "../../../gql";

// The region's own name rides along for the page title (and the printout).
export const AGENT_COMMISSIONS = graphql(`
  query AgentCommissions($month: YearMonth!, $regionCode: ID!) {
    agentCommissions(month: $month, regionCode: $regionCode) {
      month
      newRecruits
      paidMonths
      contributions
      acquisitionFee
      contributionFee
      agentFee
      institutionFee
      suspended
      agent {
        id
        name
        region {
          code
          name
        }
      }
    }
    region(code: $regionCode) {
      code
      name
    }
  }
`);
