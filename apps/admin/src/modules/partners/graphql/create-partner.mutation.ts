import { graphql } from "../../../gql";

export const CREATE_PARTNER = graphql(`
  mutation CreatePartner($input: PartnerInput!) {
    createPartner(input: $input) {
      id
      name
    }
  }
`);
