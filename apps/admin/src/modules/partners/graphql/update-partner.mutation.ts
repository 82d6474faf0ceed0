import { graphql } from "../../../gql";

// Asks back for every field the detail page shows, so the cache is current on return.
export const UPDATE_PARTNER = graphql(`
  mutation UpdatePartner($id: ID!, $input: PartnerInput!) {
    updatePartner(id: $id, input: $input) {
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
    }
  }
`);
