import { graphql } from "../../../gql";

export const CREATE_DONOR = graphql(`
  mutation CreateDonor($input: DonorInput!) {
    createDonor(input: $input) {
      id
      name
    }
  }
`);
