import type { ApolloCache } from "@apollo/client";

/** Fields of the schema's Query type that pages open with (every page starts at one). */
export type RootField =
  | "accidentReport"
  | "accidentReports"
  | "accidentSummary"
  | "agentCommissions"
  | "apiKeys"
  | "auditLog"
  | "coverageCheck"
  | "coverageStats"
  | "coverageTimeline"
  | "donor"
  | "donorReminders"
  | "donors"
  | "partner"
  | "partners"
  | "payments"
  | "regionalTargets"
  | "sponsorship"
  | "sponsorships"
  | "users"
  | "worker"
  | "workerByNik"
  | "workers";

/**
 * What moves with a worker's cover and a donor's money (a pledge, a payment, a renewal, a
 * cancellation): the dashboard's counts and targets, the counter check, the agents' fees,
 * the worker and donor lists and pages, a partner's recruits, the sponsorships.
 */
export const COVER_FIELDS: readonly RootField[] = [
  "coverageStats",
  "coverageTimeline",
  "regionalTargets",
  "coverageCheck",
  "agentCommissions",
  "workers",
  "worker",
  "workerByNik",
  "partner",
  "donor",
  "donors",
  "sponsorships",
  "sponsorship",
];

/**
 * useMutation (or mutate call) options for a write that changes what `fields` answer.
 *
 * Pages open from the cache, so after the write the cache forgets those fields (and the audit
 * log, which every write adds to): a page opened later asks the server and shows its loader,
 * never the figures from before. A query on screen that read any of it is refetched instead,
 * and the write is done (its button stops spinning, the page moves on) only once those answers
 * are in.
 */
export function refreshAfterWrite(fields: readonly RootField[]) {
  return {
    update(cache: ApolloCache) {
      for (const fieldName of [...fields, "auditLog"]) cache.evict({ id: "ROOT_QUERY", fieldName });
      cache.gc();
    },
    // Called for each query on screen whose data the answer or the eviction touched.
    onQueryUpdated: () => true,
    awaitRefetchQueries: true,
  };
}

/**
 * What new workers (registered or imported) add to: the lists and counts, the counter check
 * of their NIK, their recruiter's page and the agents' recruit counts.
 */
export const WORKERS_ADDED_FIELDS: readonly RootField[] = [
  "workers",
  "workerByNik",
  "coverageCheck",
  "coverageStats",
  "coverageTimeline",
  "agentCommissions",
  "partner",
];
