import { coverageStatusSql } from "./coverage-status.sql";
import {
  FieldNode,
  FragmentDefinitionNode,
  GraphQLResolveInfo,
  Kind,
  SelectionSetNode,
} from "graphql";

// The hot path of the worker list (PERFORMANCE.md): when a `workers` selection asks only for
// what this compiler knows, the whole page (village, district, coverage status, sponsors) is
// answered by ONE SQL statement in which PostgreSQL builds the JSON, and the fields below are
// plain property reads. Anything else (arguments, directives, unknown fields) falls back to
// the general path with DataLoaders, which gives the same answers.

/**
 * The key PostgreSQL writes into every object the compiled statement builds: their fields
 * are already resolved. (A JSON key costs nothing to set; marking objects in Node did.)
 */
export const PRECOMPUTED = "__precomputed";
const MARK = `'${PRECOMPUTED}', true`;

type Shape = { [field: string]: Shape | true };

// What may be asked below each type, and how each field is read in SQL.
const WORKER_COLUMNS: Record<string, string> = {
  id: "w.id",
  fullName: "w.full_name",
  gender: "w.gender",
  occupation: "w.occupation",
  membershipNumber: "w.membership_number",
  coveredThrough: "to_char(w.covered_through, 'YYYY-MM')",
  createdAt: "w.created_at",
  updatedAt: "w.updated_at",
};
const REGION_COLUMNS = ["code", "name", "level"];
const SPONSORSHIP_COLUMNS: Record<string, string> = {
  id: "s.id",
  package: "s.package",
  months: "s.months",
  monthlyContribution: "s.monthly_amount",
  declaredIncome: "s.declared_income",
  startMonth: "to_char(s.start_month, 'YYYY-MM')",
  endMonth: "to_char(s.end_month, 'YYYY-MM')",
  cancelReason: "s.cancel_reason",
  createdAt: "s.created_at",
};
const DONOR_COLUMNS: Record<string, string> = { id: "dn.id", name: "dn.name", kind: "dn.kind" };

/** The requested tree under `workers`, or null when something is outside what is compiled. */
export function selectionShape(info: GraphQLResolveInfo): Shape | null {
  const node = info.fieldNodes[0];
  if (info.fieldNodes.length !== 1 || !node.selectionSet) return null;
  return shapeOf(node.selectionSet, info.fragments);
}

function shapeOf(
  set: SelectionSetNode,
  fragments: Record<string, FragmentDefinitionNode>,
): Shape | null {
  const shape: Shape = {};
  for (const selection of set.selections) {
    if (selection.directives?.length) return null;
    if (selection.kind === Kind.FIELD) {
      if (!addField(shape, selection, fragments)) return null;
    } else {
      const inner =
        selection.kind === Kind.INLINE_FRAGMENT
          ? selection.selectionSet
          : fragments[selection.name.value]?.selectionSet;
      const sub = inner && shapeOf(inner, fragments);
      if (!sub) return null;
      merge(shape, sub);
    }
  }
  return shape;
}

function addField(
  shape: Shape,
  field: FieldNode,
  fragments: Record<string, FragmentDefinitionNode>,
): boolean {
  if (field.arguments?.length) return false;
  const name = field.name.value;
  if (name === "__typename") return true;
  // An alias is a second name for the same value only when nothing below differs; keep it simple.
  if (field.alias && field.alias.value !== name) return false;
  if (!field.selectionSet) {
    shape[name] = true;
    return true;
  }
  const sub = shapeOf(field.selectionSet, fragments);
  if (!sub) return false;
  const existing = shape[name];
  shape[name] = existing && existing !== true ? merge(existing, sub) : sub;
  return true;
}

function merge(into: Shape, from: Shape): Shape {
  for (const [k, v] of Object.entries(from)) {
    const existing = into[k];
    into[k] = existing && existing !== true && v !== true ? merge(existing, v) : v;
  }
  return into;
}

export type CompiledWorkerPage = {
  /** SQL expression list building one JSON object per worker (alias w). */
  nodeSql: string;
  wantsCount: boolean;
  /** Stable name for the prepared statement. */
  key: string;
};

const isLeafSet = (shape: Shape | true | undefined, allowed: string[]): shape is Shape =>
  !!shape &&
  shape !== true &&
  Object.entries(shape).every(([k, v]) => v === true && allowed.includes(k));

/**
 * The JSON expression of a worker for the shape under `nodes` (or `edges.node`), or null.
 * `masked` hides the NIK's middle and drops phone and birth date (VIEWER).
 */
export function workerJson(shape: Shape, masked: boolean): string | null {
  const parts: string[] = [];
  for (const [field, sub] of Object.entries(shape)) {
    if (field in WORKER_COLUMNS && sub === true) parts.push(`'${field}', ${WORKER_COLUMNS[field]}`);
    else if (field === "nik" && sub === true)
      parts.push(
        masked ? `'nik', left(w.nik, 4) || '********' || right(w.nik, 4)` : `'nik', w.nik`,
      );
    else if (field === "phone" && sub === true)
      parts.push(masked ? `'phone', NULL` : `'phone', w.phone`);
    else if (field === "birthDate" && sub === true)
      parts.push(masked ? `'birthDate', NULL` : `'birthDate', to_char(w.birth_date, 'YYYY-MM-DD')`);
    else if (field === "coverageStatus" && sub === true) {
      parts.push(`'coverageStatus', ${coverageStatusSql("$cur::date")}`);
    } else if (field === "village" && sub !== true) {
      const { parent, ...own } = sub;
      if (!isLeafSet(own, REGION_COLUMNS)) return null;
      const cols = [MARK, ...Object.keys(own).map((k) => `'${k}', v.${k}`)];
      if (parent !== undefined) {
        if (!isLeafSet(parent, REGION_COLUMNS)) return null;
        cols.push(
          `'parent', json_build_object(${[MARK, ...Object.keys(parent).map((k) => `'${k}', d.${k}`)].join(", ")})`,
        );
      }
      parts.push(
        `'village', (SELECT json_build_object(${cols.join(", ")}) FROM region v LEFT JOIN region d ON d.code = v.parent_code WHERE v.code = w.village_code)`,
      );
    } else if (field === "sponsorships" && sub !== true) {
      const { donor, ...own } = sub;
      if (!Object.entries(own).every(([k, v]) => v === true && k in SPONSORSHIP_COLUMNS))
        return null;
      const cols = [MARK, ...Object.keys(own).map((k) => `'${k}', ${SPONSORSHIP_COLUMNS[k]}`)];
      if (donor !== undefined) {
        if (!isLeafSet(donor, Object.keys(DONOR_COLUMNS))) return null;
        cols.push(
          `'donor', json_build_object(${[MARK, ...Object.keys(donor).map((k) => `'${k}', ${DONOR_COLUMNS[k]}`)].join(", ")})`,
        );
      }
      parts.push(`'sponsorships', (SELECT coalesce(json_agg(json_build_object(${cols.join(", ")}) ORDER BY s.start_month, s.created_at), '[]')
          FROM sponsorship s JOIN donor dn ON dn.id = s.donor_id WHERE s.worker_id = w.id)`);
    } else return null;
  }
  return `json_build_object(${[MARK, ...parts].join(", ")})`;
}

/** Compiles a `workers` selection, or answers null so the general path serves it. */
export function compileWorkerPage(
  info: GraphQLResolveInfo,
  masked: boolean,
): CompiledWorkerPage | null {
  const shape = selectionShape(info);
  if (!shape) return null;
  let nodeShape: Shape = {};
  for (const [field, sub] of Object.entries(shape)) {
    if (field === "totalCount" && sub === true) continue;
    if (
      field === "pageInfo" &&
      isLeafSet(sub, ["hasNextPage", "hasPreviousPage", "startCursor", "endCursor"])
    )
      continue;
    if (field === "nodes" && sub !== true) nodeShape = merge(nodeShape, sub);
    else if (
      field === "edges" &&
      sub !== true &&
      Object.keys(sub).every((k) => k === "cursor" || k === "node")
    ) {
      if (sub.node && sub.node !== true) nodeShape = merge(nodeShape, sub.node);
    } else return null;
  }
  const nodeSql = workerJson(nodeShape, masked);
  if (!nodeSql) return null;
  return { nodeSql, wantsCount: "totalCount" in shape, key: `${masked ? "m" : "f"}|${nodeSql}` };
}

/** Compiles the selection of a single-worker field (worker, workerByNik), or null. */
export function compileWorker(
  info: GraphQLResolveInfo,
  masked: boolean,
): CompiledWorkerPage | null {
  const shape = selectionShape(info);
  const nodeSql = shape && workerJson(shape, masked);
  return nodeSql ? { nodeSql, wantsCount: false, key: `${masked ? "m" : "f"}|${nodeSql}` } : null;
}
