import { graphql } from "../../../gql";

export const RUN_REMINDERS = graphql(`
  mutation RunReminders {
    runReminders
  }
`);
