import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { type DocumentNode, type GraphQLFormattedError, Kind, print } from "graphql";
import { SertakanError } from "./errors";
import { retryAfterMs } from "./retry-after";

export type ClientOptions = {
  /** The API's GraphQL address, e.g. http://localhost:4000/graphql. */
  url: string;
  /** An API key (`stk_…`) or a session token (`sts_…`), sent as `Authorization: Bearer`. */
  apiKey?: string;
  /** Tries per request, the first included, when the API answers 429 or 503. Default 4. */
  maxAttempts?: number;
  /** Longest wait the client accepts between tries; a longer Retry-After fails at once. Default 60 s. */
  maxRetryDelayMs?: number;
  /** Send only the document's hash first (automatic persisted queries). Default false. */
  persistedQueries?: boolean;
  /** For tests and other runtimes. */
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
};

export type SertakanClient = {
  /** Runs one operation; resolves to its `data`, or rejects with a SertakanError. */
  request<TData, TVariables extends Record<string, unknown>>(
    document: TypedDocumentNode<TData, TVariables>,
    // Variables may be left out only when every one of them is optional.
    ...variables: Record<never, never> extends TVariables
      ? [variables?: TVariables]
      : [variables: TVariables]
  ): Promise<TData>;
};

type Body = { data?: unknown; errors?: GraphQLFormattedError[] };

// The API says when to come back on 429; without a Retry-After, back off 1 s, 2 s, 4 s…
// A 429 is refused before anything runs, so any operation may be sent again. A 503 may
// come after a mutation's write committed (the connection died before the answer), so only
// queries are retried on it: a mutation's caller decides, with its idempotency key.
const RETRY_STATUSES = new Set([429, 503]);
const MUTATION_RETRY_STATUSES = new Set([429]);
const texts = new WeakMap<DocumentNode, { query: string; hash: Promise<string> }>();

async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return Buffer.from(digest).toString("hex");
}

function textOf(document: DocumentNode) {
  let known = texts.get(document);
  if (!known) {
    const query = print(document);
    known = { query, hash: sha256Hex(query) };
    texts.set(document, known);
  }
  return known;
}

export function createClient(options: ClientOptions): SertakanClient {
  const {
    url,
    apiKey,
    maxAttempts = 4,
    maxRetryDelayMs = 60_000,
    persistedQueries = false,
    fetch: fetchImpl = globalThis.fetch,
    sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  } = options;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1)
    throw new RangeError(`maxAttempts must be a whole number of at least 1, got ${maxAttempts}.`);
  const headers: Record<string, string> = {
    "content-type": "application/json",
    accept: "application/json",
  };
  if (apiKey) headers.authorization = `Bearer ${apiKey}`;

  // One HTTP exchange, retried on 429/503 as the API asks.
  async function post(
    payload: object,
    retryOn: ReadonlySet<number>,
  ): Promise<{ status: number; body: Body }> {
    for (let attempt = 1; ; attempt++) {
      let res: Response;
      try {
        res = await fetchImpl(url, { method: "POST", headers, body: JSON.stringify(payload) });
      } catch (error) {
        throw new SertakanError(
          `No answer from ${url}: ${(error as Error).message}`,
          "NETWORK_ERROR",
          0,
        );
      }
      const wait = retryOn.has(res.status)
        ? (retryAfterMs(res.headers.get("retry-after")) ?? 1000 * 2 ** (attempt - 1))
        : null;
      if (wait === null || attempt >= maxAttempts || wait > maxRetryDelayMs)
        return { status: res.status, body: await readBody(res) };
      // A proxy's 503 page need not be JSON: drop it and try again.
      await res.text().catch(() => undefined);
      await sleep(wait);
    }
  }

  return {
    async request(document, ...[variables]) {
      const { query, hash } = textOf(document);
      const retryOn = document.definitions.some(
        (d) => d.kind === Kind.OPERATION_DEFINITION && d.operation === "mutation",
      )
        ? MUTATION_RETRY_STATUSES
        : RETRY_STATUSES;
      let answer: { status: number; body: Body };
      if (persistedQueries) {
        const extensions = { persistedQuery: { version: 1, sha256Hash: await hash } };
        answer = await post({ variables, extensions }, retryOn);
        // The API has not seen this text yet (or forgot it): send it once with the hash.
        if (answer.body.errors?.some((e) => e.extensions?.code === "PERSISTED_QUERY_NOT_FOUND"))
          answer = await post({ query, variables, extensions }, retryOn);
      } else {
        answer = await post({ query, variables }, retryOn);
      }
      const { status, body } = answer;
      if (body.errors?.length) {
        const [first] = body.errors;
        throw new SertakanError(
          first.message,
          String(first.extensions?.code ?? "UNKNOWN"),
          status,
          body.errors,
          body.data,
        );
      }
      if (status >= 400 || body.data === undefined || body.data === null)
        throw new SertakanError(
          `The API answered HTTP ${status} with no data.`,
          "BAD_RESPONSE",
          status,
        );
      return body.data as never;
    },
  };
}

async function readBody(res: Response): Promise<Body> {
  const text = await res.text();
  try {
    const body = JSON.parse(text) as Body;
    if (body && typeof body === "object") return body;
  } catch {
    // answered below
  }
  throw new SertakanError(
    `The API answered HTTP ${res.status} with something other than GraphQL JSON: ${text.slice(0, 200)}`,
    "BAD_RESPONSE",
    res.status,
  );
}
