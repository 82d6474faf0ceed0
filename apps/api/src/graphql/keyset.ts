import { ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { plainMany } from "../database/plain-rows";
import { Page, decodeCursor, encodeCursor } from "./pagination";

export type SortKey<T> = { column: string; value: (node: T) => string | number | Date | null };
export type KeysetOptions<T> = {
  first: number;
  after?: string | null;
  keys: SortKey<T>[];
  direction: "ASC" | "DESC";
};

/**
 * Narrows `qb` to the rows after the cursor, in key order, one more than a page (the extra
 * row says whether another page follows). Returns the query that counts the whole list.
 */
export function applyKeyset<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  { first, after, keys, direction }: KeysetOptions<T>,
) {
  const countQuery = qb.clone();
  if (after) {
    const values = decodeCursor(after, keys.length);
    const params = Object.fromEntries(values.map((v, i) => [`cursor${i}`, v]));
    const lhs = keys.map((k) => k.column).join(", ");
    const rhs = keys.map((_, i) => `:cursor${i}`).join(", ");
    qb.andWhere(`(${lhs}) ${direction === "ASC" ? ">" : "<"} (${rhs})`, params);
  }
  for (const [i, k] of keys.entries()) {
    if (i === 0) qb.orderBy(k.column, direction);
    else qb.addOrderBy(k.column, direction);
  }
  qb.take(undefined).limit(first + 1);
  return countQuery;
}

export function cursorFor<T>(keys: SortKey<T>[]) {
  return (node: T) =>
    encodeCursor(
      keys.map((k) => {
        const v = k.value(node);
        return v instanceof Date ? v.toISOString() : v;
      }),
    );
}

/**
 * One page of a keyset-paginated list. The sort keys must end with a unique column and
 * be covered by an index so every page is an index range scan, however deep.
 */
export async function keysetPage<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  options: KeysetOptions<T>,
): Promise<Page<T>> {
  const countQuery = applyKeyset(qb, options);
  const rows = await plainMany(qb);
  return {
    nodes: rows.slice(0, options.first),
    hasNextPage: rows.length > options.first,
    hadCursor: Boolean(options.after),
    cursorOf: cursorFor(options.keys),
    count: () => countQuery.getCount(),
  };
}
