import "reflect-metadata";
import { AbstractLogger, DataSource, LogLevel, LogMessage } from "typeorm";
import { entities } from "./entities";
import { migrations } from "./migrations";

export type DataSourceOptions = {
  url: string;
  /** Connections in the pool. */
  poolSize?: number;
  /** Postgres `statement_timeout` per statement, in ms (0 = none). */
  statementTimeoutMs?: number;
  /** Called with every SQL statement sent; tests use it to prove batching. */
  onQuery?: (sql: string) => void;
};

class QueryListener extends AbstractLogger {
  constructor(private readonly listener: (sql: string) => void) {
    super("all");
  }
  logQuery(query: string): void {
    this.listener(query);
  }
  protected writeLog(
    _level: LogLevel,
    _message: LogMessage | string | number | (LogMessage | string | number)[],
  ): void {}
}

/** The one place TypeORM is configured. `synchronize` is never used: migrations own the schema. */
export function createDataSource({
  url,
  poolSize = 10,
  statementTimeoutMs = 15_000,
  onQuery,
}: DataSourceOptions): DataSource {
  return new DataSource({
    type: "postgres",
    url,
    entities,
    migrations,
    migrationsTableName: "schema_migration",
    synchronize: false,
    migrationsRun: false,
    logging: onQuery ? ["query"] : false,
    logger: onQuery ? new QueryListener(onQuery) : undefined,
    extra: {
      max: poolSize,
      application_name: "sertakan-api",
      statement_timeout: statementTimeoutMs,
      // Dates stay "YYYY-MM-DD" strings: a calendar date has no time zone to drift in.
    },
  });
}
