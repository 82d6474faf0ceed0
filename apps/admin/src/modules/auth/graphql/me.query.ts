import { graphql } from "../../../gql";

export const ME = graphql(`
  query Me {
    me {
      id
      name
      email
      role
      regionScope {
        code
        name
        level
      }
    }
  }
`);
