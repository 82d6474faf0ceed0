import { graphql } from "../../../gql";

// The API also sets the httpOnly session cookie; the token is for programs, not this app.
export const LOGIN = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      user {
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
  }
`);
