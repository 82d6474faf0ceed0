import type { AddressInfo } from "node:net";
import { loadConfig } from "../config";
import type { Logger } from "../observability/logger";
import { Server, createServer } from "../server";
import { createTestDatabase } from "./test-database";

export type GraphQLResponse<T = Record<string, any>> = {
  status: number;
  headers: Headers;
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

type Gql = <T = Record<string, any>>(
  query: string,
  variables?: Record<string, unknown>,
) => Promise<GraphQLResponse<T>>;

export type TestServer = {
  server: Server;
  baseUrl: string;
  databaseUrl: string;
  /** POSTs one operation over HTTP as the national test administrator. */
  gql: Gql;
  /** The same, as the holder of `token` (null: anonymous). */
  as: (token: string | null) => Gql;
  /** Creates a user with this role and scope and signs them in; returns their token. */
  tokenFor: (role: "ADMIN" | "OFFICER" | "VIEWER", regionScope: string | null) => Promise<string>;
  close: () => Promise<void>;
  /** Runs `work` and returns how many SQL statements the server sent meanwhile. */
  countQueries: (work: () => Promise<unknown>) => Promise<number>;
};

export const TEST_ADMIN = { email: "admin@test.local", password: "test-password-1" };

/** The real server, over HTTP, on its own fresh database, with a signed-in national admin. */
export async function startTestServer(
  env: Record<string, string> = {},
  options: {
    now?: () => Date;
    shareDatabaseWith?: TestServer;
    logger?: Logger;
    /** A server of the test's own (faults, replication): migrated and loaded at start, kept. */
    databaseUrl?: string;
  } = {},
): Promise<TestServer> {
  // A second instance may share the first one's database, as instances behind one load balancer do.
  const own = options.databaseUrl ?? options.shareDatabaseWith?.databaseUrl;
  const db = own ? { url: own, drop: async () => undefined } : await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: "test",
    SEED_DEMO: "false",
    ADMIN_EMAIL: TEST_ADMIN.email,
    ADMIN_PASSWORD: TEST_ADMIN.password,
    RATE_LIMIT_PER_MINUTE: "0",
    ...env,
  });
  let queries = 0;
  const server = await createServer(config, {
    databaseUrl: db.url,
    onQuery: () => void queries++,
    now: options.now,
    logger: options.logger,
  });
  // The server's own listener, as in production: the GraphQL edge sits in front of the app.
  const http = server.httpServer.listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => http.once("listening", () => resolve()));
  const baseUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;

  const as =
    (token: string | null): Gql =>
    async (query, variables) => {
      const res = await fetch(`${baseUrl}/graphql`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as GraphQLResponse<any>;
      return { ...body, status: res.status, headers: res.headers };
    };
  const login = async (email: string, password: string) => {
    const res = await as(null)(
      `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`,
      { e: email, p: password },
    );
    if (!res.data) throw new Error(`test login failed: ${JSON.stringify(res.errors)}`);
    return res.data.login.token as string;
  };
  let adminToken: string;
  try {
    adminToken = await login(TEST_ADMIN.email, TEST_ADMIN.password);
  } catch (error) {
    // Leave nothing open behind a failed start.
    await new Promise<void>((resolve) => http.close(() => resolve()));
    await server.close();
    await db.drop();
    throw error;
  }
  let users = 0;

  return {
    server,
    baseUrl,
    databaseUrl: db.url,
    gql: as(adminToken),
    as,
    tokenFor: async (role, regionScope) => {
      const email = `${role.toLowerCase()}${++users}@test.local`;
      const res = await as(adminToken)(
        `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`,
        { i: { email, name: `Test ${role}`, password: "test-password-2", role, regionScope } },
      );
      if (!res.data) throw new Error(`test user failed: ${JSON.stringify(res.errors)}`);
      return login(email, "test-password-2");
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
