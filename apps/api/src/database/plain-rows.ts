import type {
  DataSource,
  EntityMetadata,
  EntityTarget,
  ObjectLiteral,
  SelectQueryBuilder,
} from "typeorm";

// Entities read without TypeORM's hydration, for the general path, which reads many rows per
// request: a profile under load put TypeORM's builders and hydration at a sixth of that
// path's CPU. Each column is selected under its property's name, so pg's row objects already
// have the entity's properties; calendar dates come as text (as TypeORM gives them) and each
// column's transformer applies. The statements go through TypeORM's query runners, so they
// read from a replica as the builders do and are logged (the tests count statements to
// prove batching).

type Reader = {
  entity: new () => ObjectLiteral;
  /** [SQL of the column on alias `t`, property name] */
  columns: [string, string][];
  transforms: [string, (value: unknown) => unknown][];
};
const readers = new WeakMap<EntityMetadata, Reader>();

function readerOf(meta: EntityMetadata): Reader {
  let reader = readers.get(meta);
  if (!reader) {
    reader = { entity: meta.target as new () => ObjectLiteral, columns: [], transforms: [] };
    for (const c of meta.columns) {
      if (c.isSelect === false) continue; // secrets, read only where asked for by name
      const column = `t."${c.databaseName}"`;
      reader.columns.push([c.type === "date" ? `${column}::text` : column, c.propertyName]);
      const from = c.transformer && !Array.isArray(c.transformer) ? c.transformer.from : null;
      if (from) reader.transforms.push([c.propertyName, from]);
    }
    readers.set(meta, reader);
  }
  return reader;
}

// Instances of the entity's class, as TypeORM's are: type-graphql copies a plain object into
// one for every field resolver that takes it as @Root().
function entities<T extends ObjectLiteral>(rows: Record<string, unknown>[], reader: Reader): T[] {
  return rows.map((row) => {
    for (const [property, from] of reader.transforms) row[property] = from(row[property]);
    return Object.assign(new reader.entity(), row) as T;
  });
}

/**
 * Rows of `entity` as plain objects of its shape. `rest` follows `FROM <table> t`: a WHERE
 * on alias `t` with `$1…` parameters, and any ORDER BY.
 */
export async function plainRows<T extends ObjectLiteral>(
  db: DataSource,
  entity: EntityTarget<T>,
  rest: string,
  params: unknown[],
): Promise<T[]> {
  const meta = db.getMetadata(entity);
  const reader = readerOf(meta);
  const select = reader.columns.map(([sql, property]) => `${sql} AS "${property}"`).join(", ");
  const runner = db.createQueryRunner(db.defaultReplicationModeForReads());
  try {
    const rows = await runner.query(`SELECT ${select} FROM "${meta.tableName}" t ${rest}`, params);
    return entities<T>(rows, reader);
  } finally {
    await runner.release();
  }
}

/** What `qb.getMany()` returns, read as plain rows (the builder's joins select nothing). */
export async function plainMany<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): Promise<T[]> {
  const reader = readerOf(qb.expressionMap.mainAlias!.metadata);
  const onAlias = (sql: string) => sql.replace("t.", `"${qb.alias}".`);
  const [[firstSql, firstProperty], ...rest] = reader.columns;
  qb.select(onAlias(firstSql), firstProperty);
  for (const [sql, property] of rest) qb.addSelect(onAlias(sql), property);
  return entities<T>(await qb.getRawMany(), reader);
}
