import { graphql } from "../../../gql";

/** Who a report opened from the counter or the worker page is about. */
export const WORKER_BRIEF = graphql(`
  query WorkerBrief($id: ID!) {
    worker(id: $id) {
      id
      nik
      fullName
      village {
        code
        name
      }
    }
  }
`);
