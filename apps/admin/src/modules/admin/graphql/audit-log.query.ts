import { graphql } from "../../../gql";

export const AUDIT_LOG = graphql(`
  query AuditLog($first: Int!, $after: String, $entity: String) {
    auditLog(first: $first, after: $after, entity: $entity) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        id
        at
        actor
        action
        entity
        entityId
        changes
      }
    }
  }
`);
