// npm run bench:scale: how each cost grows with the data. At every dataset size it has (the
// 220,000-worker Klaten dataset of `npm run bench` when it is there, 2,000,000 workers over
// Central Java and Yogyakarta, and SCALE_WORKERS when set to another size) it starts the
// production build and times sequential requests, as a regional program sends them: coverage
// statistics of a regency, a province and the nation, the worker page, and a payment's
// allocation. Beside each time it counts the rows PostgreSQL read for one such request, so the
// table says whether a cost grows with the rows it reads or faster.
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { OURS } from "./queries.mjs";
import {
  build,
  cpuSeconds,
  dataset,
  log,
  postgresCpuSeconds,
  root,
  serveSertakan,
} from "./setup.mjs";

const BASE = 2_000_000;
const WORKERS = Number(process.env.SCALE_WORKERS ?? BASE);
// Several provinces, so that the nation is more than the province it is compared with.
const REGION = process.env.SCALE_REGION ?? "33,34";
const REQUESTS = Number(process.env.SCALE_REQUESTS ?? 21);
const ROUNDS = 3;
const FIGURES = `registeredWorkers active arrears lapsed uncovered contributionsPaid`;
const STATS = `${FIGURES} byOccupation { occupation workers active }
     children { region { code name } ${FIGURES} }`;
const stats = (code) => `{ coverageStats(regionCode: "${code}") { ${STATS} } }`;
// The API has no national coverageStats (a region code is required) and allows 30 aliases a
// request: the nation is its 38 provinces in two requests of 19, sent one after the other.
const nation = (provinces) =>
  [provinces.slice(0, 19), provinces.slice(19)].map(
    (half) =>
      `{ ${half.map((p) => `p${p}: coverageStats(regionCode: "${p}") { ${STATS} }`).join("\n")} }`,
  );

const OPERATIONS = [
  { label: "coverageStats of a regency (33.10) with its districts", kind: "stats" },
  { label: "coverageStats of a province (33) with its regencies", kind: "stats" },
  { label: "coverageStats of the nation (38 provinces in 2 requests)", kind: "stats" },
  { label: "worker page (50 workers of 33.10.02 with village, district, sponsors)", kind: "page" },
  { label: "recordPayment of the donor with most DUE months", kind: "payment" },
];

/** Rows and pages PostgreSQL has read from user tables so far, once every backend reported. */
async function readSoFar(client) {
  // A backend reports its counts when idle, but one that reported less than a second ago
  // waits 10 s (PostgreSQL's PGSTAT_IDLE_INTERVAL) before it reports again.
  await new Promise((r) => setTimeout(r, 11_000));
  await client.query(`SELECT pg_stat_clear_snapshot()`);
  const {
    rows: [r],
  } = await client.query(
    `SELECT ((SELECT sum(seq_tup_read) FROM pg_stat_user_tables)
              + (SELECT sum(idx_tup_read) FROM pg_stat_user_indexes))::bigint AS rows,
            (SELECT sum(heap_blks_read + heap_blks_hit + coalesce(idx_blks_read, 0) + coalesce(idx_blks_hit, 0)
                      + coalesce(toast_blks_read, 0) + coalesce(toast_blks_hit, 0))
               FROM pg_statio_user_tables)::bigint AS pages`,
  );
  return { rows: Number(r.rows), pages: Number(r.pages) };
}

/** Sends the query, or each of several one after the other, and merges their data. */
async function ask(server, queries) {
  const started = performance.now();
  const data = {};
  for (const query of [queries].flat()) {
    const res = await fetch(server.url, {
      method: "POST",
      headers: server.headers,
      body: JSON.stringify({ query }),
    });
    const body = await res.json();
    if (!body.data || body.errors) throw new Error(JSON.stringify(body).slice(0, 400));
    Object.assign(data, body.data);
  }
  return { ms: performance.now() - started, body: { data } };
}

/**
 * p50 and max of REQUESTS sequential requests per operation after 3 warm-ups each, taken in
 * ROUNDS rounds that go through every operation in turn (so a busy minute on the shared
 * machine lands on all of them), then one counted request per operation.
 */
async function time(server, client, dataDir, queries) {
  const sent = queries.map(() => 0);
  const send = (i) => ask(server, queries[i](sent[i]++));
  // CPU of the API and of PostgreSQL: waiting for a core, which the shared machine's other
  // work causes, is not counted in it.
  const cpu = () => cpuSeconds(server.child.pid) + postgresCpuSeconds(dataDir);
  for (const i of queries.keys()) for (let k = 0; k < 3; k++) await send(i); // plans, caches
  const runs = queries.map(() => []);
  const cpuMs = queries.map(() => 0);
  for (let round = 0; round < ROUNDS; round++)
    for (const i of queries.keys()) {
      const before = cpu();
      for (let k = 0; k < Math.ceil(REQUESTS / ROUNDS); k++) runs[i].push((await send(i)).ms);
      cpuMs[i] += (cpu() - before) * 1000;
    }
  const results = [];
  for (const i of queries.keys()) {
    const before = await readSoFar(client);
    const counted = await send(i);
    const after = await readSoFar(client);
    const ms = runs[i].sort((a, b) => a - b);
    results.push({
      p50: ms[Math.floor(ms.length / 2)],
      cpu: cpuMs[i] / ms.length,
      max: ms.at(-1),
      rows: after.rows - before.rows,
      pages: after.pages - before.pages,
      body: counted.body,
    });
  }
  return results;
}

/** What one operation covers, for the detail table: regions and workers, or months paid. */
function describe(op, body) {
  if (op.kind === "page") return `${body.data.workers.nodes.length} workers`;
  if (op.kind === "payment") return `${body.data.recordPayment.contributions.length} months paid`;
  const all = Object.values(body.data);
  const registered = all.reduce((sum, s) => sum + s.registeredWorkers, 0);
  const children = all.reduce((sum, s) => sum + s.children.length, 0);
  return `${children} children, ${registered.toLocaleString("en")} registered`;
}

async function measure(name, workers, region) {
  const db = await dataset(name, workers, region);
  const client = new pg.Client({ connectionString: db.url });
  let server;
  const results = [];
  try {
    await client.connect();
    const provinces = (
      await client.query(`SELECT code FROM region WHERE level = 'PROVINCE' ORDER BY code`)
    ).rows.map((r) => r.code);
    // The donor with most DUE months; each payment pays about one month, oldest first: it
    // inserts a payment, its allocations and an audit entry, marks the months PAID, bumps the
    // paid-month roll-up and rebuilds the paid workers' covered_through and coverage runs.
    const {
      rows: [donor],
    } = await client.query(
      `SELECT donor_id, count(*)::int AS due, max(amount)::int AS amount FROM contribution
        WHERE status = 'DUE' GROUP BY donor_id ORDER BY count(*) DESC, donor_id LIMIT 1`,
    );
    const {
      rows: [held],
    } = await client.query(
      `SELECT (SELECT count(*) FROM payment WHERE donor_id = $1)::int AS payments,
              (SELECT count(*) FROM contribution WHERE donor_id = $1)::int AS contributions`,
      [donor.donor_id],
    );
    log(
      `donor ${donor.donor_id}: ${donor.due} DUE months, ${held.contributions} contributions, ${held.payments} payments; Rp${donor.amount} per payment`,
    );
    const stamp = Date.now();
    const queries = [
      () => stats("33.10"),
      () => stats("33"),
      () => nation(provinces),
      () => OURS.Q1,
      (i) =>
        `mutation { recordPayment(input: { donorId: "${donor.donor_id}", amount: ${donor.amount},
           paidAt: "${new Date().toISOString()}", reference: "bench-scale-${stamp}-${i}" }) {
           id allocated contributions { month } } }`,
    ];
    server = await serveSertakan(db.url);
    for (const [i, r] of (await time(server, client, db.dataDir, queries)).entries()) {
      const op = OPERATIONS[i];
      results.push({ ...r, what: describe(op, r.body) });
      log(
        `${op.label} on ${workers.toLocaleString("en")} workers: p50 ${r.p50.toFixed(1)} ms, ${r.rows.toLocaleString("en")} rows read`,
      );
    }
  } finally {
    if (server) {
      server.child.kill("SIGTERM");
      await new Promise((r) => server.child.once("exit", r));
    }
    await client.end().catch(() => undefined);
    await db.stop();
  }
  return { workers, region, results };
}

const fmt = (ms) => (ms < 10 ? ms.toFixed(1) : Math.round(ms).toString());
const ratio = (a, b) => (b > 0 ? `${(a / b).toFixed(1)}×` : "–");

/**
 * A cost grows with the rows it reads when its CPU ratio stays within half again of the rows'
 * ratio; CPU, not latency, because latency here includes waiting for a shared core.
 */
function verdict(cpuRatio, rowsRatio) {
  // A page of 50 workers, one donor's months: what is read does not grow with the data.
  if (cpuRatio <= 1.5 && rowsRatio <= 1.5) return "flat: the per-request work dominates";
  if (cpuRatio > rowsRatio * 1.5) return "**faster** than the rows it reads";
  if (cpuRatio < rowsRatio / 1.5) return "slower than the rows it reads";
  return "with the rows it reads";
}

function print(sizes) {
  const first = sizes[0];
  const last = sizes.at(-1);
  const k = (n) => `${n / 1000 >= 1000 ? `${n / 1_000_000}M` : `${n / 1000}k`}`;
  const each = (f) => sizes.map((s) => f(s)).join(" | ");
  console.log(
    `\nSequential requests, ${REQUESTS} per operation in ${ROUNDS} rounds after 3 warm-ups, ${new Date().toISOString().slice(0, 16)}Z; CPU is the API's and PostgreSQL's per request\n`,
  );
  const growth = `${k(last.workers)} / ${k(first.workers)}`;
  console.log(
    `| operation | ${each((s) => `${k(s.workers)} p50 ms`)} | p50 ratio ${growth} | ${each((s) => `${k(s.workers)} CPU ms`)} | CPU ratio | rows-read ratio (data ${ratio(last.workers, first.workers)}) | verdict |`,
  );
  console.log(
    `|---|${sizes.map(() => "---:|").join("")}---:|${sizes.map(() => "---:|").join("")}---:|---:|---|`,
  );
  for (const [i, op] of OPERATIONS.entries()) {
    const a = first.results[i];
    const b = last.results[i];
    console.log(
      `| ${op.label} | ${each((s) => fmt(s.results[i].p50))} | ${ratio(b.p50, a.p50)} | ${each((s) => fmt(s.results[i].cpu))} | ${ratio(b.cpu, a.cpu)} | ${ratio(b.rows, a.rows)} | ${verdict(b.cpu / a.cpu, b.rows / a.rows)} |`,
    );
  }
  console.log(
    `\n| operation | workers (seeded in) | covers | p50 ms | max ms | CPU ms | rows read | pages |`,
  );
  console.log(`|---|---|---|---:|---:|---:|---:|---:|`);
  for (const [i, op] of OPERATIONS.entries())
    for (const s of sizes) {
      const r = s.results[i];
      console.log(
        `| ${op.label} | ${s.workers.toLocaleString("en")} (${s.region}) | ${r.what} | ${fmt(r.p50)} | ${fmt(r.max)} | ${fmt(r.cpu)} | ${r.rows.toLocaleString("en")} | ${r.pages.toLocaleString("en")} |`,
      );
    }
}

async function main() {
  build();
  const sizes = [];
  if (fs.existsSync(path.join(root, ".data/bench-220000/seeded")))
    sizes.push(await measure("bench-220000", 220_000, "33.10"));
  else log("no .data/bench-220000 (run `npm run bench` once to seed it): skipping 220,000");
  sizes.push(await measure(`bench-scale-${BASE}`, BASE, "33,34"));
  if (WORKERS !== BASE) sizes.push(await measure(`bench-scale-${WORKERS}`, WORKERS, REGION));
  print(sizes.sort((a, b) => a.workers - b.workers));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
