import { graphql } from "../../../gql";

export const RENEW_SPONSORSHIPS = graphql(`
  mutation RenewSponsorships($input: RenewSponsorshipsInput!) {
    renewSponsorships(input: $input) {
      id
      startMonth
      endMonth
      total
    }
  }
`);
