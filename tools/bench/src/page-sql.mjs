// Part of `npm run bench`: PostgreSQL's own time for Q1's page, Sertakan's compiled statement
// against the hand-written SQL, on one connection, so no HTTP or Node server is in the way.
// Each statement is a named prepared statement, as both servers send it, timed round trip;
// ours twice: with the generic plan its pool uses, and as PostgreSQL would choose by itself.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { DISTRICT, OURS } from "./queries.mjs";
import { Q1 as HAND_WRITTEN_Q1 } from "./hand-written.sql.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../../..");
const api = (file) => path.join(root, "apps/api/dist", file);
const require = createRequire(api("main.js"));
require("reflect-metadata");
const { parse } = require("graphql");
const { startEmbeddedPostgres } = require(api("database/embedded.js"));
const { createSchema } = require(api("schema.js"));
const { CATALOG, CompiledReads } = require(api("compiled-reads/index.js"));

const WORKERS = Number(process.env.BENCH_WORKERS ?? 220_000);
const DATA_DIR = path.join(root, `.data/bench-${WORKERS}`);
const CALLS = Number(process.env.BENCH_SQL_CALLS ?? 400);
const ROUNDS = 3;

async function main() {
  if (!fs.existsSync(path.join(DATA_DIR, "seeded")))
    throw new Error(`no dataset in ${DATA_DIR}: run \`npm run bench\` (it seeds one) first`);
  const db = await startEmbeddedPostgres(DATA_DIR);
  try {
    // Q1 exactly as the API compiles it for a national administrator.
    const operation = parse(OURS.Q1).definitions[0];
    const reads = new CompiledReads(await createSchema(), CATALOG, null, () => new Date());
    const compiled = reads.compile(operation, {}, { role: "ADMIN", regionScope: null }, {});
    if (compiled.reason) throw new Error(`Q1 did not compile: ${compiled.reason}`);
    const ours = { text: compiled.text, values: compiled.values };
    const handWritten = { text: HAND_WRITTEN_Q1, values: [DISTRICT] };

    const time = async (planMode, name, statement) => {
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      try {
        await client.query(`SET plan_cache_mode = ${planMode}`);
        const ms = [];
        for (let i = 0; i < CALLS; i++) {
          const started = process.hrtime.bigint();
          await client.query({ name, ...statement });
          ms.push(Number(process.hrtime.bigint() - started) / 1e6);
        }
        return ms.sort((a, b) => a - b)[Math.floor(ms.length / 2)];
      } finally {
        await client.end();
      }
    };
    const rows = { generic: [], auto: [], hand: [] };
    for (let round = 0; round < ROUNDS; round++) {
      rows.generic.push(await time("force_generic_plan", "ours", ours));
      rows.auto.push(await time("auto", "ours", ours));
      rows.hand.push(await time("auto", "hand", handWritten));
    }
    const fmt = (xs) => xs.map((x) => x.toFixed(2)).join(" / ");
    console.log(
      `\nQ1's page SQL on one connection: median ms of ${CALLS} calls, ${ROUNDS} rounds\n`,
    );
    console.log("| statement | ms per call (rounds) |\n|---|---:|");
    console.log(`| Sertakan, generic plan (as its pool runs it) | ${fmt(rows.generic)} |`);
    console.log(`| Sertakan, plan as PostgreSQL chooses | ${fmt(rows.auto)} |`);
    console.log(`| hand-written SQL | ${fmt(rows.hand)} |`);
  } finally {
    await db.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
