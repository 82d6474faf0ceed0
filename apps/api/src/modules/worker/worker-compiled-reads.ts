import { createHash } from "node:crypto";
import type { Pool } from "pg";
import { DataSource } from "typeorm";
import { Access, currentYearMonth } from "@sertakan/schema";
import { readPool } from "../../database/replicas";
import { applyKeyset } from "../../graphql/keyset";
import { JsonPage, checkPageSize, encodeCursor } from "../../graphql/pagination";
import { workerInScopeRaw } from "../auth/scope";
import { CompiledWorkerPage, isoTimestamp } from "./worker-page.compiler";
import { WorkerFilter, WorkerOrder, WorkerOrderField } from "./worker.inputs";
import { workerListQuery } from "./worker-list.query";

// The worker reads compiled to one prepared statement each (PERFORMANCE.md): the list page
// and the NIK lookup, with PostgreSQL writing the JSON. WorkerService hands them out; the
// selections come from worker-page.compiler.ts.

// The worker columns a compiled node may read (worker-page.compiler.ts), besides id.
const PAGE_COLUMNS = [
  "nik",
  "full_name",
  "gender",
  "birth_date",
  "occupation",
  "phone",
  "membership_number",
  "covered_through",
  "village_code",
  "created_at",
  "updated_at",
];
const MAX_PAGE_STATEMENTS = 1_000;

type PageStatement = {
  name: string;
  text: string;
  params: unknown[];
  usesMonth: boolean;
  countName: string;
  countText: string;
  countParams: unknown[];
};

export class CompiledWorkerReads {
  constructor(
    private readonly db: DataSource,
    private readonly now: () => Date,
  ) {}

  /**
   * The same page with each node as the JSON text PostgreSQL wrote: the edge answers with it
   * as it is. Cursors are encoded only for the nodes a client asks them of.
   */
  async pageJson(
    access: Access,
    plan: CompiledWorkerPage,
    filter: WorkerFilter | null | undefined,
    orderBy: WorkerOrder | null | undefined,
    first?: number,
    after?: string | null,
  ): Promise<JsonPage | null> {
    if (orderBy && orderBy.field !== WorkerOrderField.CREATED_AT) return null;
    const size = checkPageSize(first);
    const statement = this.pageStatement(access, plan, filter, orderBy, size, after);
    // PostgreSQL refuses a parameter the statement does not use: pass the month only when asked.
    const values = statement.usesMonth
      ? [...statement.params, `${currentYearMonth(this.now())}-01`]
      : statement.params;
    // A named statement is planned once per connection, not on every request.
    const pool = this.pool();
    const { rows } = await pool.query<{ node: string; c: string; i: string }>({
      name: statement.name,
      text: statement.text,
      values,
    });
    const page = rows.length > size ? rows.slice(0, size) : rows;
    return {
      nodes: page.map((r) => r.node),
      hasNextPage: rows.length > size,
      hadCursor: Boolean(after),
      cursorAt: (i) => {
        if (!plan.wantsCursors) throw new Error("the compiled page was not asked for cursors");
        return encodeCursor([page[i].c, page[i].i]);
      },
      count: async () => {
        const { rows: counted } = await pool.query<{ n: number }>({
          name: statement.countName,
          text: statement.countText,
          values: statement.countParams,
        });
        return counted[0].n;
      },
    };
  }

  // The compiled statements go straight to a pool (a replica's when there are any): TypeORM's
  // query runner costs more Node time per call than these statements cost PostgreSQL.
  private pool(): Pool {
    return readPool(this.db);
  }

  // Building a page's SQL through the query builder costs more Node time than running it:
  // the statements are kept per exact request shape (caller scope, filter, order, page).
  private readonly pageStatements = new Map<string, PageStatement>();

  private pageStatement(
    access: Access,
    plan: CompiledWorkerPage,
    filter: WorkerFilter | null | undefined,
    orderBy: WorkerOrder | null | undefined,
    size: number,
    after: string | null | undefined,
  ): PageStatement {
    // The coverage-status filter bakes this month into its parameters: a new month is a new shape.
    const month = filter?.coverageStatus?.length ? currentYearMonth(this.now()) : null;
    const key = JSON.stringify([
      access.role,
      access.regionScope,
      plan.key,
      filter ?? null,
      orderBy ?? null,
      size,
      after ?? null,
      month,
    ]);
    const cached = this.pageStatements.get(key);
    if (cached) return cached;
    const { qb, keys, direction } = workerListQuery(this.db, access, filter, orderBy, this.now());
    const countQuery = applyKeyset(qb, { first: size, after, keys, direction });
    // The page's rows carry every column the node's JSON reads, under their own names, so
    // the outer query reads each worker once (joining back by id cost PostgreSQL half again).
    qb.select("w.id", "id");
    for (const column of PAGE_COLUMNS) qb.addSelect(`w.${column}`, column);
    const [inner, params] = qb.getQueryAndParameters();
    const [countInner, countParams] = countQuery.select("w.id", "page_id").getQueryAndParameters();
    const order = `w.created_at ${direction}, w.id ${direction}`;
    const node = plan.nodeSql.replaceAll("$cur", `$${params.length + 1}`);
    const cursor = plan.wantsCursors ? `, ${isoTimestamp("w.created_at")} AS c, w.id AS i` : "";
    const text = `WITH w AS (${inner})
      SELECT ${node}::text AS node${cursor}
        FROM w ${plan.joins} ORDER BY ${order}`;
    const countText = `SELECT count(*)::int AS n FROM (${countInner}) c`;
    const hash = (sql: string) => createHash("sha1").update(sql).digest("hex").slice(0, 16);
    const statement: PageStatement = {
      name: `workers-${hash(text)}`,
      text,
      params,
      usesMonth: plan.nodeSql.includes("$cur"),
      countName: `workers-count-${hash(countText)}`,
      countText,
      countParams,
    };
    if (this.pageStatements.size >= MAX_PAGE_STATEMENTS)
      this.pageStatements.delete(this.pageStatements.keys().next().value!);
    this.pageStatements.set(key, statement);
    return statement;
  }

  private readonly byNikStatements = new Map<string, { name: string; text: string }>();

  /** The same worker as the JSON text PostgreSQL wrote, or null. */
  async byNikJson(access: Access, plan: CompiledWorkerPage, nik: string): Promise<string | null> {
    if (!/^\d{16}$/.test(nik)) return null;
    const values: unknown[] = [nik];
    const conditions = ["w.nik = $1"];
    const scope = workerInScopeRaw(access, "w", 2);
    if (scope.value !== null) {
      values.push(scope.value);
      conditions.push(scope.sql);
    }
    const usesMonth = plan.nodeSql.includes("$cur");
    if (usesMonth) values.push(`${currentYearMonth(this.now())}-01`);
    // One statement per selection and scope kind, found without rebuilding its text.
    const key = `${plan.key}|${scope.sql}`;
    let statement = this.byNikStatements.get(key);
    if (!statement) {
      const node = usesMonth ? plan.nodeSql.replaceAll("$cur", `$${values.length}`) : plan.nodeSql;
      const text = `SELECT ${node}::text AS node FROM worker w ${plan.joins} WHERE ${conditions.join(" AND ")}`;
      const name = `worker-${createHash("sha1").update(text).digest("hex").slice(0, 16)}`;
      // Few, but bounded all the same.
      if (this.byNikStatements.size >= MAX_PAGE_STATEMENTS) this.byNikStatements.clear();
      statement = { name, text };
      this.byNikStatements.set(key, statement);
    }
    const { rows } = await this.pool().query<{ node: string }>({ ...statement, values });
    return rows[0]?.node ?? null;
  }
}
