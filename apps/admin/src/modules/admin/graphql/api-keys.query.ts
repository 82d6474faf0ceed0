import { graphql } from "../../../gql";

export const API_KEYS = graphql(`
  query ApiKeys {
    apiKeys {
      id
      name
      role
      createdAt
      lastUsedAt
      revoked
      regionScope {
        code
        name
      }
    }
  }
`);
