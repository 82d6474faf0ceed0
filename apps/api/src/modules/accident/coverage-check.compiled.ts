import { createHash } from "node:crypto";
import type { FieldNode } from "graphql";
import type { Pool } from "pg";
import { Access, Role, currentYearMonth } from "@sertakan/schema";
import { workerInScopeRaw } from "../auth/scope";
import {
  Fragments,
  VILLAGE_JOINS,
  selectionShape,
  workerJson,
} from "../worker/worker-page.compiler";

// The counter check answered whole by PostgreSQL (graphql/direct-answers.ts): the worker by
// the NIK's unique index and the day's month through contribution_paid_idx, in one statement
// that writes the response's JSON. AccidentService.coverageCheck is the general path and
// gives the same answers (accident.test.ts compares the two); anything this compiler does
// not know goes there.

const CONTRIBUTION_COLUMNS: Record<string, string> = {
  id: "c.id",
  month: "to_char(c.month, 'YYYY-MM')",
  amount: "c.amount",
  status: "c.status",
};

export type CompiledCoverageCheck = {
  /** The JSON expression of the answer: $1 NIK, $2 day, $3 its month's first day. */
  json: string;
  joins: string;
  key: string;
};

/** Compiles a `coverageCheck` selection, or answers null so the general path serves it. */
export function compileCoverageCheck(
  field: FieldNode,
  fragments: Fragments,
  masked: boolean,
): CompiledCoverageCheck | null {
  const shape = selectionShape(field, fragments);
  if (!shape) return null;
  const parts: string[] = [];
  let joins = "";
  for (const [name, sub] of Object.entries(shape)) {
    if (name === "__typename") parts.push(`'__typename', 'CoverageCheck'`);
    // Masked whoever asks: the answer is shown at a counter.
    else if (name === "nik" && sub === true)
      parts.push(`'nik', left($1::bpchar, 4) || '********' || right($1::bpchar, 4)`);
    else if (name === "date" && sub === true) parts.push(`'date', one.day`);
    else if (name === "covered" && sub === true) parts.push(`'covered', c.id IS NOT NULL`);
    else if (name === "coveredThrough" && sub === true)
      parts.push(`'coveredThrough', to_char(w.covered_through, 'YYYY-MM')`);
    else if (name === "coveredBy" && sub !== true) {
      const fields: string[] = [];
      for (const [f, s] of Object.entries(sub)) {
        if (f === "__typename") fields.push(`'__typename', 'Contribution'`);
        else if (s === true && f in CONTRIBUTION_COLUMNS)
          fields.push(`'${f}', ${CONTRIBUTION_COLUMNS[f]}`);
        else return null;
      }
      parts.push(
        `'coveredBy', CASE WHEN c.id IS NULL THEN NULL ELSE json_build_object(${fields.join(", ")}) END`,
      );
    } else if (name === "worker" && sub !== true) {
      const worker = workerJson(sub, masked, "response");
      if (!worker) return null;
      if (sub.village) joins = VILLAGE_JOINS;
      parts.push(`'worker', CASE WHEN w.id IS NULL THEN NULL ELSE ${worker} END`);
    } else return null;
  }
  const json = `json_build_object(${parts.join(", ")})`;
  const key = createHash("sha1").update(json).digest("base64url").slice(0, 22);
  return { json, joins, key };
}

const statements = new Map<string, { name: string; text: string }>();
const MAX_STATEMENTS = 200;

/** The prepared statement and its values for a caller's check (kept per shape and scope). */
export function coverageCheckStatement(
  access: Access,
  plan: CompiledCoverageCheck,
  nik: string,
  date: string,
  now: Date,
): { name: string; text: string; values: unknown[] } {
  const values: unknown[] = [nik, date, `${date.slice(0, 7)}-01`];
  // Outside the caller's scope the worker is not joined: the answer is an unknown NIK's.
  const scope = workerInScopeRaw(access, "w", 4);
  if (scope.value !== null) values.push(scope.value);
  let json = plan.json;
  if (json.includes("$cur")) {
    values.push(`${currentYearMonth(now)}-01`);
    json = json.replaceAll("$cur", `$${values.length}`);
  }
  const key = `${plan.key}|${scope.sql}|${values.length}`;
  let statement = statements.get(key);
  if (!statement) {
    // nik is char(16): compared as bpchar, so worker_nik_key serves it (as text it would not).
    // $2 is read in FROM so that a selection without `date` still gives it a type.
    const text = `SELECT ${json}::text AS node FROM (SELECT $2::text AS day) AS one
      LEFT JOIN worker w ON w.nik = $1::bpchar AND ${scope.sql}
      LEFT JOIN contribution c ON c.worker_id = w.id AND c.month = $3::date AND c.status = 'PAID'
      ${plan.joins}`;
    const name = `coverage-check-${createHash("sha1").update(text).digest("hex").slice(0, 16)}`;
    if (statements.size >= MAX_STATEMENTS) statements.clear();
    statement = { name, text };
    statements.set(key, statement);
  }
  return { ...statement, values };
}

/**
 * Runs a compiled check for a caller and returns the JSON text. Throws (so the general path
 * answers, with its coded error) for a caller who may not check or a malformed NIK.
 */
export async function runCoverageCheck(
  pool: Pool,
  access: Access,
  plan: CompiledCoverageCheck,
  nik: string,
  date: string,
  now: Date,
): Promise<string> {
  if (access.role !== Role.ADMIN && access.role !== Role.OFFICER)
    throw new Error("coverageCheck is for officers and admins");
  if (!/^\d{16}$/.test(nik)) throw new Error("not a NIK");
  const { rows } = await pool.query<{ node: string }>(
    coverageCheckStatement(access, plan, nik, date, now),
  );
  return rows[0].node;
}
