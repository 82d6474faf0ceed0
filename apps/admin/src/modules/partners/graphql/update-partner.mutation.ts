import { graphql } from "../../../gql";

export const UPDATE_PARTNER = graphql(`
  mutation UpdatePartner($id: ID!, $input: PartnerInput!) {
    updatePartner(id: $id, input: $input) {
      ...PartnerDetails
    }
  }
`);
