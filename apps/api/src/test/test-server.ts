import type { AddressInfo } from "node:net";
import { loadConfig } from "../config";
import { Server, createServer } from "../server";
import { createTestDatabase } from "./test-database";

export type GraphQLResponse<T = Record<string, any>> = {
  status: number;
  data?: T | null;
  errors?: {
    message: string;
    path?: (string | number)[];
    extensions?: {
      code?: string;
      fieldErrors?: { field: string; message: string }[];
      [k: string]: unknown;
    };
  }[];
};

export type TestServer = {
  server: Server;
  baseUrl: string;
  /** POSTs one operation over HTTP, exactly as a client would. */
  gql: <T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
  ) => Promise<GraphQLResponse<T>>;
  close: () => Promise<void>;
  /** Runs `work` and returns how many SQL statements the server sent meanwhile. */
  countQueries: (work: () => Promise<unknown>) => Promise<number>;
};

/** The real server, over HTTP, on its own fresh database. */
export async function startTestServer(
  env: Record<string, string> = {},
  options: { now?: () => Date } = {},
): Promise<TestServer> {
  const db = await createTestDatabase();
  const config = loadConfig({ NODE_ENV: "test", SEED_DEMO: "false", ...env });
  let queries = 0;
  const server = await createServer(config, {
    databaseUrl: db.url,
    onQuery: () => void queries++,
    now: options.now,
  });
  const http = server.app.listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => http.once("listening", () => resolve()));
  const baseUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  return {
    server,
    baseUrl,
    gql: async (query, variables) => {
      const res = await fetch(`${baseUrl}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as GraphQLResponse<any>;
      return { ...body, status: res.status };
    },
    countQueries: async (work) => {
      const before = queries;
      await work();
      return queries - before;
    },
    close: async () => {
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await server.close();
      await db.drop();
    },
  };
}
