import "reflect-metadata";
import type { PoolClient } from "pg";
import { AbstractLogger, DataSource, LogLevel, LogMessage } from "typeorm";
import { entities } from "./entities";
import { migrations } from "./migrations";

export type DataSourceOptions = {
  url: string;
  /** Connections in the pool. */
  poolSize?: number;
  /** Postgres `statement_timeout` per statement, in ms (0 = none). */
  statementTimeoutMs?: number;
  /** Streaming replicas for reads (see replicas.ts); the primary is `url`. */
  replicaUrls?: string[];
  /** Called with every SQL statement sent; tests use it to prove batching. */
  onQuery?: (sql: string) => void;
};

// Waiting for a connection (pool full, or server unreachable) ends after this.
const CONNECT_TIMEOUT_MS = 5_000;

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
  replicaUrls = [],
  onQuery,
}: DataSourceOptions): DataSource {
  return new DataSource({
    type: "postgres",
    ...(replicaUrls.length
      ? { replication: { master: { url }, slaves: replicaUrls.map((u) => ({ url: u })) } }
      : { url }),
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
      // Set once per connection rather than as a startup parameter: PgBouncer (1.18, in
      // session mode) refuses startup parameters it does not know and passes a SET through.
      onConnect: (client: PoolClient) =>
        client.query(`SET statement_timeout = ${statementTimeoutMs}`),
      // A dead server (no reset, no answer) must not hold a request longer than a slow
      // statement would: past these the request fails with SERVICE_UNAVAILABLE.
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      ...(statementTimeoutMs > 0 ? { query_timeout: statementTimeoutMs + 5_000 } : {}),
      // Dates stay "YYYY-MM-DD" strings: a calendar date has no time zone to drift in.
    },
  });
}
