import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { startEmbeddedPostgres } from "../database/embedded";
import { createDataSource } from "../database/data-source";
import { migrateDatabase } from "../database/migrate";
import { loadRegions } from "../modules/region/region-data";
import { ADMIN_URL_ENV, TEMPLATE_ENV, databaseUrl } from "./test-database";

type Globals = {
  __SERTAKAN_TEST__?: {
    stop?: () => Promise<void>;
    dir?: string;
    adminUrl: string;
    template: string;
  };
};

/**
 * Starts PostgreSQL for the whole run (embedded by default; TEST_DATABASE_URL names a server
 * to use instead) and prepares a template database: migrated, regions loaded. Test files
 * clone it, which takes a fraction of a second instead of a region load each.
 */
export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  let adminUrl = process.env.TEST_DATABASE_URL;
  let stop: (() => Promise<void>) | undefined;
  let dir: string | undefined;
  if (!adminUrl) {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "sertakan-test-"));
    // mkdtemp makes it 0700; as root the server runs as `postgres`, which must reach inside.
    await fs.chmod(dir, 0o755);
    const pg = await startEmbeddedPostgres(path.join(dir, "data"));
    adminUrl = pg.url;
    stop = pg.stop;
  }
  const template = `sertakan_template_${process.pid}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${template}`);
  await admin.end();

  const dataSource = createDataSource({ url: databaseUrl(adminUrl, template), poolSize: 2 });
  await dataSource.initialize();
  await migrateDatabase(dataSource);
  await loadRegions(dataSource);
  await dataSource.destroy();

  process.env[ADMIN_URL_ENV] = adminUrl;
  process.env[TEMPLATE_ENV] = template;
  (globalThis as Globals).__SERTAKAN_TEST__ = { stop, dir, adminUrl, template };
  console.log(
    `\n[test] PostgreSQL ${stop ? "embedded" : "from TEST_DATABASE_URL"} ready with template in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}
