import type { GraphQLSchema } from "graphql";
import type { Access } from "@sertakan/schema";
import type { Fragments, Variables } from "./selection";
import type { Params } from "./sql";

// What a module declares to have its reads compiled: for each GraphQL object type, its table
// and how each field is read in SQL; for each root Query field, which rows it answers.
// The compiler (compiler.ts) knows nothing of the domain beyond this.

type Args = Record<string, unknown>;

/** What every declaration may read while the statement is being built. */
export type Ctx = {
  params: Params;
  access: Access;
  /** VIEWER: personal data hidden. */
  masked: boolean;
  now: Date;
  schema: GraphQLSchema;
  fragments: Fragments;
  vars: Variables;
  /** A fresh table alias. */
  alias: () => string;
  /** `$n::date` for the first day of the current month (Asia/Jakarta), one parameter per statement. */
  currentMonth: () => string;
  /** Inside GraphQL execution: every object carries the PRECOMPUTED mark (graphql/precomputed.ts). */
  mark: boolean;
};

/** A scalar or enum field: a SQL expression over the row `t`, written as GraphQL serializes it. */
export type LeafField = {
  leaf: (t: string, ctx: Ctx, args: Args, shared: string) => string;
  /**
   * A row computed once per object for every leaf that names it (a sponsorship's month
   * figures, read by total, paid and status): `join` is its `LEFT JOIN LATERAL (…) j ON true`
   * over the object's row `t`, and the leaf reads it through `shared`, the alias `j`.
   */
  shared?: { name: string; join: (t: string, j: string, ctx: Ctx) => string };
};

/** An object reached by one row: joined to the parent's row (`LEFT JOIN …`). */
export type OneField = {
  one: string;
  /** The whole join clause for child alias `c` of parent `p`, e.g. `LEFT JOIN region c ON c.code = p.village_code`. */
  join: (p: string, c: string, ctx: Ctx, args: Args) => string;
  /** The relation may be missing: the field is null then, not an object of nulls. */
  nullable?: boolean;
};

/** A plain list of rows under the parent, in a fixed order. */
export type ManyField = {
  many: string;
  where: (p: string, c: string, ctx: Ctx, args: Args) => string;
  order: (c: string) => string;
};

/** A Relay connection under the parent: the list's keyset order, `first` and `after`. */
export type ConnectionField = {
  connection: ListSpec;
  where: (p: string, c: string, ctx: Ctx, args: Args) => string;
};

export type FieldSpec = LeafField | OneField | ManyField | ConnectionField;

export type TypeSpec = {
  table: string;
  /** A column never null on a row: tells a missing joined row from a present one. */
  key: string;
  fields: Record<string, FieldSpec>;
};

export type OrderKey = {
  /** The sort expression over row `c`. */
  sql: (c: string) => string;
  /** The key's cursor value over row `c`, as the general path's cursor holds it (JSON). */
  cursor: (c: string) => string;
  /** The SQL type a decoded cursor value is read as. */
  cast: string;
};

/** A list's rows: its conditions (filters and scope) and its keyset order. */
export type ListSpec = {
  type: string;
  conditions: (c: string, ctx: Ctx, args: Args) => string[];
  order: (args: Args) => { keys: OrderKey[]; direction: "ASC" | "DESC" };
};

export type RootSpec =
  /** A connection at the root, e.g. `workers(filter, orderBy, first, after)`. */
  | { connection: ListSpec }
  /** One row or null, e.g. `worker(id)`; conditions null: the answer is null without asking. */
  | { single: string; conditions: (c: string, ctx: Ctx, args: Args) => string[] | null }
  /** One row that always exists, read from a FROM clause of its own (alias `c`), e.g. `coverageCheck`. */
  | { row: string; from: (c: string, ctx: Ctx, args: Args) => string }
  /** A plain list with a limit, e.g. `regions(parentCode, level, search, first)`. */
  | {
      list: string;
      conditions: (c: string, ctx: Ctx, args: Args) => string[];
      order: (c: string) => string;
      limit: (args: Args) => number;
    };

export type Catalog = {
  types: Record<string, TypeSpec>;
  roots: Record<string, RootSpec>;
};
