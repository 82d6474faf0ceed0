import { graphql } from "../../../gql";

export const UPDATE_DONOR = graphql(`
  mutation UpdateDonor($id: ID!, $input: DonorInput!) {
    updateDonor(id: $id, input: $input) {
      ...DonorDetails
    }
  }
`);
