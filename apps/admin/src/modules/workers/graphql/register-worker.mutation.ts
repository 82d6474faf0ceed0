import { graphql } from "../../../gql";

export const REGISTER_WORKER = graphql(`
  mutation RegisterWorker($input: RegisterWorkerInput!) {
    registerWorker(input: $input) {
      id
      fullName
    }
  }
`);
