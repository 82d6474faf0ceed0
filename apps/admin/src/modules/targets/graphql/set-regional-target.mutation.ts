import { graphql } from "../../../gql";

export const SET_REGIONAL_TARGET = graphql(`
  mutation SetRegionalTarget($input: RegionalTargetInput!) {
    setRegionalTarget(input: $input) {
      id
    }
  }
`);
