import { graphql } from "../../../gql";

export const CANCEL_SPONSORSHIP = graphql(`
  mutation CancelSponsorship($id: ID!, $reason: String!) {
    cancelSponsorship(id: $id, reason: $reason) {
      id
      status
      cancelReason
      paid
      total
    }
  }
`);
