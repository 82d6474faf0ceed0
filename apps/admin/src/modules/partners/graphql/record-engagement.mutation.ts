import { graphql } from "../../../gql";

export const RECORD_ENGAGEMENT = graphql(`
  mutation RecordEngagement($input: EngagementInput!) {
    recordEngagement(input: $input) {
      id
    }
  }
`);
