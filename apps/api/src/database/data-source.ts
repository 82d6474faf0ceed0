import "reflect-metadata";
import { DataSource } from "typeorm";
import { entities } from "./entities";
import { migrations } from "./migrations";

export type DataSourceOptions = {
  url: string;
  /** Connections in the pool. */
  poolSize?: number;
  /** Postgres `statement_timeout` per statement, in ms (0 = none). */
  statementTimeoutMs?: number;
};

/** The one place TypeORM is configured. `synchronize` is never used: migrations own the schema. */
export function createDataSource({ url, poolSize = 10, statementTimeoutMs = 15_000 }: DataSourceOptions): DataSource {
  return new DataSource({
    type: "postgres",
    url,
    entities,
    migrations,
    migrationsTableName: "schema_migration",
    synchronize: false,
    migrationsRun: false,
    logging: false,
    extra: {
      max: poolSize,
      application_name: "sertakan-api",
      statement_timeout: statementTimeoutMs,
      // Dates stay "YYYY-MM-DD" strings: a calendar date has no time zone to drift in.
    },
  });
}
