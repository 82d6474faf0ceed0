import { graphql } from "../../../gql";

export const UPDATE_WORKER = graphql(`
  mutation UpdateWorker($id: ID!, $input: UpdateWorkerInput!) {
    updateWorker(id: $id, input: $input) {
      id
      fullName
      occupation
      phone
      membershipNumber
      village {
        code
        name
      }
    }
  }
`);
