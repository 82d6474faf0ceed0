import fs from "node:fs/promises";
import { Client } from "pg";

type Globals = {
  __SERTAKAN_TEST__?: {
    stop?: () => Promise<void>;
    dir?: string;
    adminUrl: string;
    template: string;
  };
};

export default async function globalTeardown(): Promise<void> {
  const state = (globalThis as Globals).__SERTAKAN_TEST__;
  if (!state) return;
  if (state.stop) {
    await state.stop();
    if (state.dir) await fs.rm(state.dir, { recursive: true, force: true });
    return;
  }
  // A shared server: leave it as we found it.
  const admin = new Client({ connectionString: state.adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${state.template} WITH (FORCE)`);
  await admin.end();
}
