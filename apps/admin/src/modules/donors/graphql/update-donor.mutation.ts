import { graphql } from "../../../gql";

export const UPDATE_DONOR = graphql(`
  mutation UpdateDonor($id: ID!, $input: DonorInput!) {
    updateDonor(id: $id, input: $input) {
      id
      name
      kind
      email
      phone
      contactName
      taxId
      region {
        code
        name
      }
    }
  }
`);
