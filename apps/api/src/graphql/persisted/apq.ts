import { InMemoryLRUCache } from "@apollo/utils.keyvaluecache";
import type { PersistedQueryOptions } from "@apollo/server";

// About 4,000 documents of 2 KB. Each instance keeps its own: a client that reaches another
// instance gets PERSISTED_QUERY_NOT_FOUND once and sends the full text, as APQ intends.
const APQ_CACHE_BYTES = 8 * 1024 * 1024;

/**
 * Automatic persisted queries: a client may send only the sha256 of a document it sent
 * before. The cache is bounded by size (least recently used go first), not by time: a hash
 * names one text forever, so an entry is never stale.
 */
export function persistedQueryOptions(): PersistedQueryOptions {
  return { cache: new InMemoryLRUCache<string>({ maxSize: APQ_CACHE_BYTES }), ttl: null };
}
