// What donor_totals' triggers cost the writes: pledging 500 workers × 12 months and paying
// them, as hand-written SQL in one transaction on the bench dataset, with the triggers on and
// off in alternating rounds (each round rolled back, so the dataset is left as it was).
// Run after `npm run bench` has seeded .data/bench-220000: node tools/bench/src/donor-totals-cost.mjs
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../../..");
const require = createRequire(path.join(root, "apps/api/dist/main.js"));
const { startEmbeddedPostgres } = require(path.join(root, "apps/api/dist/database/embedded.js"));

const WORKERS = Number(process.env.BENCH_WORKERS ?? 220_000);
const DATA_DIR = path.join(root, `.data/bench-${WORKERS}`);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const TABLES = ["contribution", "sponsorship", "payment", "allocation"];

// A month far ahead, so no pledged month of the dataset is in the way.
const PLEDGE = `
  INSERT INTO sponsorship (donor_id, worker_id, package, declared_income, monthly_amount, start_month, months, end_month)
  SELECT (SELECT id FROM donor ORDER BY id LIMIT 1), w.id, 'JKK_JKM', 1000000, 16800, date '2030-01-01', 12, date '2030-12-01'
    FROM (SELECT id FROM worker ORDER BY id LIMIT 500) w`;
const MONTHS = `
  INSERT INTO contribution (sponsorship_id, worker_id, donor_id, month, amount)
  SELECT s.id, s.worker_id, s.donor_id, g::date, s.monthly_amount
    FROM sponsorship s, generate_series(s.start_month, s.end_month, interval '1 month') g
   WHERE s.start_month = date '2030-01-01'`;
const PAY = `
  WITH p AS (
    INSERT INTO payment (donor_id, amount, paid_at, reference)
    SELECT id, 500 * 12 * 16800, now(), 'BENCH-TOTALS' FROM donor ORDER BY id LIMIT 1
    RETURNING id, paid_at),
  a AS (
    INSERT INTO allocation (payment_id, contribution_id, amount)
    SELECT p.id, c.id, c.amount FROM contribution c, p WHERE c.month >= date '2030-01-01')
  UPDATE contribution c SET status = 'PAID', payment_id = p.id, paid_at = p.paid_at
    FROM p WHERE c.month >= date '2030-01-01'`;

async function round(client, triggers) {
  await client.query("BEGIN");
  try {
    if (!triggers)
      for (const t of TABLES) await client.query(`ALTER TABLE ${t} DISABLE TRIGGER USER`);
    const started = process.hrtime.bigint();
    for (const sql of [PLEDGE, MONTHS, PAY]) await client.query(sql);
    return Number(process.hrtime.bigint() - started) / 1e6;
  } finally {
    await client.query("ROLLBACK");
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  if (!fs.existsSync(path.join(DATA_DIR, "seeded")))
    throw new Error(`no dataset in ${DATA_DIR}: run \`npm run bench\` (it seeds one) first`);
  const db = await startEmbeddedPostgres(DATA_DIR);
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    const on = [];
    const off = [];
    for (let i = 0; i < ROUNDS; i++) {
      on.push(await round(client, true));
      off.push(await round(client, false));
      console.log(
        `round ${i + 1}/${ROUNDS}: ${on.at(-1).toFixed(0)} ms with the triggers, ${off.at(-1).toFixed(0)} ms without`,
      );
    }
    console.log(
      `\n500 workers × 12 months pledged and paid, median of ${ROUNDS}: ${median(on).toFixed(0)} ms with donor_totals' triggers, ` +
        `${median(off).toFixed(0)} ms without (${(median(on) / median(off)).toFixed(2)}×)`,
    );
  } finally {
    await client.end();
    await db.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
