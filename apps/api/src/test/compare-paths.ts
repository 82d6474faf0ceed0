import { seedDemo } from "../database/seed/demo-seed";
import { CompiledReads } from "../compiled-reads/reads";
import { GraphQLResponse, TestServer, startTestServer } from "./test-server";

// Two servers on one demo database: one compiles reads (compiled-reads/), the other
// (COMPILED_READS=false) answers everything through Apollo, resolvers and loaders. A compiled
// answer must be the general path's very answer: values, key order, nulls and errors.

export const PATHS_NOW = () => new Date("2026-11-15T03:00:00Z");
export const ROLES = ["ADMIN", "OFFICER", "VIEWER"] as const;
export type Role = (typeof ROLES)[number];
/** Each role with a scope: a district for the officer, the regency for the viewer. */
const SCOPES: Record<Role, string | null> = { ADMIN: null, OFFICER: "33.10.02", VIEWER: "33.10" };

export type Paths = {
  on: TestServer;
  off: TestServer;
  /** Asks both as `role`: both answers, and each compile's reason for the general path (null: compiled). */
  both: (
    role: Role,
    query: string,
    variables?: Record<string, unknown>,
  ) => Promise<{ compiled: Answer; general: Answer; reasons: (string | null)[] }>;
  /** The `id` column of a query's first row on the shared database; throws when none. */
  one: (sql: string) => Promise<string>;
  close: () => Promise<void>;
};
type Answer = GraphQLResponse;

export async function startPaths(): Promise<Paths> {
  const on = await startTestServer({}, { now: PATHS_NOW });
  const off = await startTestServer(
    { COMPILED_READS: "false" },
    { now: PATHS_NOW, shareDatabaseWith: on },
  );
  await seedDemo(on.server.dataSource, { currentMonth: "2026-11" });
  const tokens = {} as Record<Role, string>;
  for (const role of ROLES) tokens[role] = await on.tokenFor(role, SCOPES[role]);
  return {
    on,
    off,
    both: async (role, query, variables) => {
      const compile = jest.spyOn(CompiledReads.prototype, "compile");
      const compiled = await on.as(tokens[role])(query, variables);
      const reasons = compile.mock.results.map(
        (r) => (r.value as { reason?: string }).reason ?? null,
      );
      compile.mockRestore();
      const general = await off.as(tokens[role])(query, variables);
      return { compiled, general, reasons };
    },
    one: async (sql) => {
      const rows: { id: string }[] = await on.server.dataSource.query(sql);
      if (!rows.length || !rows[0].id) throw new Error(`no row for ${sql}`);
      return rows[0].id;
    },
    close: async () => {
      await off.close();
      await on.close();
    },
  };
}

/** The answer as JSON text with key order kept: what a client's parser sees. */
export const asJson = (answer: Pick<Answer, "data" | "errors">) =>
  JSON.stringify({ data: answer.data ?? null, errors: answer.errors ?? null });
