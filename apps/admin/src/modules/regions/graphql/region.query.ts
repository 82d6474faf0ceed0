import { graphql } from "../../../gql";

export const REGION = graphql(`
  query Region($code: ID!) {
    region(code: $code) {
      code
      name
      level
      parent {
        code
        name
      }
    }
  }
`);
