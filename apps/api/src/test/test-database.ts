import { randomBytes } from "node:crypto";
import { Client } from "pg";

// Set by global-setup for every test worker.
export const ADMIN_URL_ENV = "SERTAKAN_TEST_ADMIN_URL";
export const TEMPLATE_ENV = "SERTAKAN_TEST_TEMPLATE";

export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withAdmin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const adminUrl = process.env[ADMIN_URL_ENV];
  if (!adminUrl)
    throw new Error(
      `${ADMIN_URL_ENV} is not set: run tests through jest, whose global setup starts PostgreSQL.`,
    );
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh database for one test file: a copy of the migrated template with the regions in it. */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const template = process.env[TEMPLATE_ENV];
  if (!template) throw new Error(`${TEMPLATE_ENV} is not set: run tests through jest.`);
  const name = `sertakan_test_${randomBytes(5).toString("hex")}`;
  await withAdmin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  return {
    url: databaseUrl(process.env[ADMIN_URL_ENV]!, name),
    drop: () =>
      withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(
        () => undefined,
      ),
  };
}
