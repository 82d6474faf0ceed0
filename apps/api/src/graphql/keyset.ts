import { ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { Page, decodeCursor, encodeCursor } from "./pagination";

export type SortKey<T> = { column: string; value: (node: T) => string | number | Date | null };

/**
 * One page of a keyset-paginated list. The sort keys must end with a unique column and
 * be covered by an index so every page is an index range scan, however deep.
 */
export async function keysetPage<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  options: { first: number; after?: string | null; keys: SortKey<T>[]; direction: "ASC" | "DESC" },
): Promise<Page<T>> {
  const { first, after, keys, direction } = options;
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
  const rows = await qb
    .take(undefined)
    .limit(first + 1)
    .getMany();
  const cursorOf = (node: T) =>
    encodeCursor(
      keys.map((k) => {
        const v = k.value(node);
        return v instanceof Date ? v.toISOString() : v;
      }),
    );
  return {
    nodes: rows.slice(0, first),
    hasNextPage: rows.length > first,
    hadCursor: Boolean(after),
    cursorOf,
    count: () => countQuery.getCount(),
  };
}
