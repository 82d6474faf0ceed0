// How long the daily reminder job takes to create a month's reminders on a seeded registry
// (220,000 workers make about 40,000 sponsorships), beside the time of its two SQL
// statements alone. Usage, on a database filled by `npm run seed -- --workers 220000`:
//
//   DATABASE_URL=postgres://… npm run bench:reminders -w @sertakan/bench
//
// Each round starts from no reminders; the job's rounds go through ReminderService.createDue
// (its transaction, audit entry and TypeORM), the SQL rounds run the same two statements in a
// transaction that is rolled back. Medians of 3 rounds each, alternated.
import { createRequire } from "node:module";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { build, log, root } from "./setup.mjs";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("Set DATABASE_URL to a database seeded with `npm run seed -- --workers 220000`.");
  process.exit(2);
}
const ROUNDS = Number(process.env.BENCH_ROUNDS || 3);

build();
const require = createRequire(import.meta.url);
const dist = (p) => require(path.join(root, "apps/api/dist", p));
require("reflect-metadata");
const { createDataSource } = dist("database/data-source.js");
const { ReminderService } = dist("modules/reminder/reminder.service.js");
const { CREATE_COVER_ENDING, CREATE_PAYMENT_DUE } = dist("modules/reminder/reminder.sql.js");

const now = new Date();
const month = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta" })
  .format(now)
  .slice(0, 7);
const client = new pg.Client({ connectionString: url });
await client.connect();
const [{ n: sponsorships }] = (
  await client.query(`SELECT count(*)::int AS n FROM sponsorship WHERE cancelled_at IS NULL`)
).rows;
const dataSource = createDataSource({ url });
await dataSource.initialize();
const service = new ReminderService(dataSource, () => now, null);

const clear = () => client.query(`DELETE FROM donor_reminder WHERE month = $1`, [`${month}-01`]);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const job = [];
const sql = [];
let created = 0;
for (let round = 1; round <= ROUNDS; round++) {
  await clear();
  let t = performance.now();
  created = await service.createDue();
  job.push(performance.now() - t);

  await clear();
  t = performance.now();
  await client.query("BEGIN");
  const params = [`${month}-01`, now];
  await client.query(CREATE_COVER_ENDING, params);
  await client.query(CREATE_PAYMENT_DUE, params);
  sql.push(performance.now() - t);
  await client.query("ROLLBACK");
  log(`round ${round}: job ${job.at(-1).toFixed(0)} ms, SQL alone ${sql.at(-1).toFixed(0)} ms`);
}
await clear();
await dataSource.destroy();
await client.end();

console.log(
  `\n${sponsorships.toLocaleString("en")} sponsorships, ${created.toLocaleString("en")} reminders for ${month}\n` +
    `| what | median of ${ROUNDS} | rounds |\n|---|---:|---|\n` +
    `| the job (ReminderService.createDue) | ${median(job).toFixed(0)} ms | ${job.map((x) => x.toFixed(0)).join(", ")} |\n` +
    `| its two statements alone | ${median(sql).toFixed(0)} ms | ${sql.map((x) => x.toFixed(0)).join(", ")} |\n` +
    `| ratio | ${(median(job) / median(sql)).toFixed(2)} | |`,
);
