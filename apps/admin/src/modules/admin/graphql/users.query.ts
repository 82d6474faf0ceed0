import { graphql } from "../../../gql";

export const USERS = graphql(`
  query Users {
    users {
      id
      email
      name
      role
      regionScope {
        code
        name
      }
    }
  }
`);
