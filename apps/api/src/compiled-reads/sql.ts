// SQL pieces the compiled reads share: numbered parameters, and values written in SQL
// exactly as the GraphQL scalars serialize them (apps/api/src/graphql/scalars.ts).

/**
 * The key every object a compiled statement builds inside GraphQL execution carries: its
 * fields are resolved already (graphql/precomputed.ts reads them as properties).
 */
export const PRECOMPUTED = "__precomputed";

/** The statement's parameters: each value added once per call, numbered in order. */
export class Params {
  readonly values: unknown[] = [];
  /** `$n` for a value, with an explicit cast so the plan never depends on a guess. */
  add(value: unknown, cast: string): string {
    this.values.push(value);
    return `$${this.values.length}::${cast}`;
  }
}

/** DateTime, as Date#toISOString writes it: UTC, milliseconds, "Z". */
export const isoTimestamp = (column: string) =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
/** YearMonth, from the first day of the month. */
export const yearMonth = (column: string) => `to_char(${column}, 'YYYY-MM')`;
/** Date, YYYY-MM-DD. */
export const isoDate = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;

/** A JSON object of key/expression pairs, in order (json_build_object takes at most 100 args). */
export function jsonObject(pairs: [string, string][]): string {
  if (!pairs.length) return `'{}'::json`;
  const chunks: string[] = [];
  for (let i = 0; i < pairs.length; i += 50)
    chunks.push(
      `json_build_object(${pairs
        .slice(i, i + 50)
        .map(([k, v]) => `${literal(k)}, ${v}`)
        .join(", ")})`,
    );
  // Concatenating objects keeps key order: strip the braces between the chunks.
  return chunks.length === 1
    ? chunks[0]
    : `('{' || ${chunks.map((c) => `substr(${c}::text, 2, length(${c}::text) - 2)`).join(` || ',' || `)} || '}')::json`;
}

/** A SQL string literal. */
export const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

/**
 * A cursor as `encodeCursor` (graphql/pagination.ts) writes it: base64url of the JSON array
 * of the sort key, with no padding. `parts` are SQL expressions of the key's JSON values.
 */
export function cursorSql(parts: string[]): string {
  const json = `'[' || ${parts.map((p) => `to_json(${p})::text`).join(` || ',' || `)} || ']'`;
  // encode() breaks lines every 76 characters; translate drops them with the padding.
  return `translate(encode(convert_to(${json}, 'UTF8'), 'base64'), E'+/=\\n', '-_')`;
}
