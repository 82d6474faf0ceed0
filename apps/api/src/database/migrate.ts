import { DataSource } from "typeorm";

// Any constant works as long as every instance uses the same one.
const MIGRATION_LOCK_KEY = 7_316_032_024;

/**
 * Runs pending migrations while holding a Postgres advisory lock, so several instances
 * starting together migrate once and the others wait, then find nothing to do.
 */
export async function migrateDatabase(
  dataSource: DataSource,
  log: (message: string) => void = () => undefined,
): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query(`SELECT pg_advisory_lock($1)`, [MIGRATION_LOCK_KEY]);
    try {
      const applied = await dataSource.runMigrations({ transaction: "each" });
      for (const m of applied) log(`migration applied: ${m.name}`);
      return applied.map((m) => m.name);
    } finally {
      await runner.query(`SELECT pg_advisory_unlock($1)`, [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await runner.release();
  }
}

/** Takes the same lock around other once-only start-up work (region load, demo seed). */
export async function withStartupLock<T>(
  dataSource: DataSource,
  work: () => Promise<T>,
): Promise<T> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query(`SELECT pg_advisory_lock($1)`, [MIGRATION_LOCK_KEY + 1]);
    try {
      return await work();
    } finally {
      await runner.query(`SELECT pg_advisory_unlock($1)`, [MIGRATION_LOCK_KEY + 1]);
    }
  } finally {
    await runner.release();
  }
}
