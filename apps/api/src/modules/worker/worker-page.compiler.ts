import { createHash } from "node:crypto";
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
//
// The same SQL serves twice: inside GraphQL execution (objects marked precomputed, read by
// property), and at the HTTP edge (graphql/direct-answers.ts), where the JSON text PostgreSQL
// builds is the response itself. For the edge every value is written as GraphQL would
// serialize it, in the order the query asked for it.

/**
 * The key PostgreSQL writes into every object the compiled statement builds: their fields
 * are already resolved. (A JSON key costs nothing to set; marking objects in Node did.)
 */
export const PRECOMPUTED = "__precomputed";
const MARK = `'${PRECOMPUTED}', true`;

/** A selection by field name, in the order asked (`__typename` included). */
export type Shape = { [field: string]: Shape | true };
export type Fragments = Record<string, FragmentDefinitionNode>;

// As the DateTime scalar writes it (Date#toISOString): UTC, milliseconds, "Z".
export const isoTimestamp = (column: string) =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

// What may be asked below each type, and how each field is read in SQL.
const WORKER_COLUMNS: Record<string, string> = {
  id: "w.id",
  fullName: "w.full_name",
  gender: "w.gender",
  occupation: "w.occupation",
  membershipNumber: "w.membership_number",
  coveredThrough: "to_char(w.covered_through, 'YYYY-MM')",
  createdAt: isoTimestamp("w.created_at"),
  updatedAt: isoTimestamp("w.updated_at"),
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
  createdAt: isoTimestamp("s.created_at"),
};
const DONOR_COLUMNS: Record<string, string> = { id: "dn.id", name: "dn.name", kind: "dn.kind" };

/** The requested tree under a field, or null when something is outside what is compiled. */
export function selectionShape(node: FieldNode, fragments: Fragments): Shape | null {
  return node.selectionSet ? shapeOf(node.selectionSet, fragments) : null;
}

function shapeOf(set: SelectionSetNode, fragments: Fragments): Shape | null {
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

function addField(shape: Shape, field: FieldNode, fragments: Fragments): boolean {
  if (field.arguments?.length) return false;
  const name = field.name.value;
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
  /** SQL expression building one JSON object per worker (alias w). */
  nodeSql: string;
  /** What the statement's FROM must join after `w` for nodeSql (VILLAGE_JOINS or nothing). */
  joins: string;
  wantsCount: boolean;
  /**
   * Whether the statement must return each row's cursor: formatting 51 timestamps cost
   * PostgreSQL a sixteenth of the page, and a list of nodes asks for none.
   */
  wantsCursors: boolean;
  /** Stable name for the prepared statement. */
  key: string;
  /** The connection's own selection, in the order asked: what the edge writes around the nodes. */
  connection: Shape;
};

// A plan's key is part of the statement cache's key on every request: short, not the SQL.
const digest = (sql: string) => createHash("sha1").update(sql).digest("base64url").slice(0, 22);

/** How the objects are read: inside GraphQL execution (marked) or as the response itself. */
export type Target = "execution" | "response";

const isLeafSet = (shape: Shape | true | undefined, allowed: string[]): shape is Shape =>
  !!shape &&
  shape !== true &&
  Object.entries(shape).every(
    ([k, v]) => v === true && (allowed.includes(k) || k === "__typename"),
  );

const typename = (name: string) => `'__typename', '${name}'`;

/** `{ code name level parent { … } }` of the region aliased `alias` (its parent `parentAlias`). */
function regionJson(shape: Shape, alias: string, parentAlias: string | null, head: string[]) {
  const parts = [...head];
  for (const [field, sub] of Object.entries(shape)) {
    if (field === "__typename") parts.push(typename("Region"));
    else if (sub === true && REGION_COLUMNS.includes(field))
      parts.push(`'${field}', ${alias}.${field}`);
    else if (field === "parent" && sub !== true && parentAlias) {
      const parent = regionJson(sub, parentAlias, null, head);
      if (!parent) return null;
      parts.push(`'parent', ${parent}`);
    } else return null;
  }
  return `json_build_object(${parts.join(", ")})`;
}

function sponsorshipJson(shape: Shape, head: string[]): string | null {
  const parts = [...head];
  for (const [field, sub] of Object.entries(shape)) {
    if (field === "__typename") parts.push(typename("Sponsorship"));
    else if (sub === true && field in SPONSORSHIP_COLUMNS)
      parts.push(`'${field}', ${SPONSORSHIP_COLUMNS[field]}`);
    else if (field === "donor" && isLeafSet(sub, Object.keys(DONOR_COLUMNS))) {
      const donor = Object.keys(sub).map((k) =>
        k === "__typename" ? typename("Donor") : `'${k}', ${DONOR_COLUMNS[k]}`,
      );
      parts.push(`'donor', json_build_object(${[...head, ...donor].join(", ")})`);
    } else return null;
  }
  return `json_build_object(${parts.join(", ")})`;
}

/**
 * The JSON expression of a worker for the shape under `nodes` (or `edges.node`), or null.
 * `masked` hides the NIK's middle and drops phone and birth date (VIEWER).
 */
export function workerJson(shape: Shape, masked: boolean, target: Target): string | null {
  const head = target === "execution" ? [MARK] : [];
  const parts = [...head];
  for (const [field, sub] of Object.entries(shape)) {
    if (field === "__typename") parts.push(typename("Worker"));
    else if (field in WORKER_COLUMNS && sub === true)
      parts.push(`'${field}', ${WORKER_COLUMNS[field]}`);
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
      const village = regionJson(sub, "v", "d", head);
      if (!village) return null;
      // Joined in the statement's FROM (VILLAGE_JOINS), where PostgreSQL can remember the
      // few villages and the district a page repeats instead of looking each up per worker.
      parts.push(`'village', ${village}`);
    } else if (field === "sponsorships" && sub !== true) {
      const sponsorship = sponsorshipJson(sub, head);
      if (!sponsorship) return null;
      parts.push(`'sponsorships', (SELECT coalesce(json_agg(${sponsorship} ORDER BY s.start_month, s.created_at), '[]')
          FROM sponsorship s JOIN donor dn ON dn.id = s.donor_id WHERE s.worker_id = w.id)`);
    } else return null;
  }
  return `json_build_object(${parts.join(", ")})`;
}

const PAGE_INFO = ["hasNextPage", "hasPreviousPage", "startCursor", "endCursor"];

/** The village (v) and its district (d) of worker w, for a node that asks for `village`. */
export const VILLAGE_JOINS =
  "LEFT JOIN region v ON v.code = w.village_code LEFT JOIN region d ON d.code = v.parent_code";
const joinsFor = (shape: Shape | null) => (shape && shape.village ? VILLAGE_JOINS : "");

/** The field being resolved, when the query asks for it once (the compilers need one node). */
export function resolvedField(info: GraphQLResolveInfo): FieldNode | null {
  return info.fieldNodes.length === 1 ? info.fieldNodes[0] : null;
}

/** Compiles a `workers` selection, or answers null so the general path serves it. */
export function compileWorkerPage(
  field: FieldNode | null,
  fragments: Fragments,
  masked: boolean,
  target: Target,
): CompiledWorkerPage | null {
  const shape = field && selectionShape(field, fragments);
  if (!shape) return null;
  // Inside execution `nodes` and `edges.node` may ask different fields of the same objects
  // (each reads what it asked); as the response itself they must ask the same.
  let nodeShape: Shape | null = null;
  const addNodes = (sub: Shape) => {
    if (!nodeShape) nodeShape = { ...sub };
    else if (target === "execution") merge(nodeShape, sub);
    else if (JSON.stringify(nodeShape) !== JSON.stringify(sub)) return false;
    return true;
  };
  for (const [name, sub] of Object.entries(shape)) {
    if (name === "__typename" || (name === "totalCount" && sub === true)) continue;
    if (name === "pageInfo" && isLeafSet(sub, PAGE_INFO)) continue;
    if (name === "nodes" && sub !== true) {
      if (!addNodes(sub)) return null;
    } else if (
      name === "edges" &&
      sub !== true &&
      Object.keys(sub).every((k) => k === "cursor" || k === "node" || k === "__typename")
    ) {
      if (sub.node && sub.node !== true && !addNodes(sub.node)) return null;
    } else return null;
  }
  const nodeSql = workerJson(nodeShape ?? {}, masked, target);
  if (!nodeSql) return null;
  const { edges, pageInfo } = shape;
  // Inside execution the connection's resolvers read cursors as they please: always there.
  const wantsCursors =
    target === "execution" ||
    (typeof edges === "object" && "cursor" in edges) ||
    (typeof pageInfo === "object" && ("startCursor" in pageInfo || "endCursor" in pageInfo));
  return {
    nodeSql,
    joins: joinsFor(nodeShape),
    wantsCount: "totalCount" in shape,
    wantsCursors,
    key: `${masked ? "m" : "f"}|${wantsCursors ? "c" : "-"}|${digest(nodeSql)}`,
    connection: shape,
  };
}

/** Compiles the selection of a single-worker field (worker, workerByNik), or null. */
export function compileWorker(
  field: FieldNode | null,
  fragments: Fragments,
  masked: boolean,
  target: Target,
): CompiledWorkerPage | null {
  const shape = field && selectionShape(field, fragments);
  const nodeSql = shape && workerJson(shape, masked, target);
  return nodeSql
    ? {
        nodeSql,
        joins: joinsFor(shape),
        wantsCount: false,
        wantsCursors: false,
        key: `${masked ? "m" : "f"}|${digest(nodeSql)}`,
        connection: {},
      }
    : null;
}
