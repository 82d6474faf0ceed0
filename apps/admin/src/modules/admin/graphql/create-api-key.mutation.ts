import { graphql } from "../../../gql";

export const CREATE_API_KEY = graphql(`
  mutation CreateApiKey($name: String!, $role: Role!, $regionScope: ID) {
    createApiKey(name: $name, role: $role, regionScope: $regionScope) {
      secret
      apiKey {
        id
      }
    }
  }
`);
