import { graphql } from "../../../gql";

export const SPONSOR_WORKERS = graphql(`
  mutation SponsorWorkers($input: SponsorWorkersInput!) {
    sponsorWorkers(input: $input) {
      id
      total
    }
  }
`);
