// npm run bench: Sertakan's production build against PostGraphile 5 and hand-written SQL,
// on one 220,000-worker Klaten database, with autocannon at 20 connections on loopback.
// Servers are alternated A B C A B C in rounds so the shared machine's noise hits all alike.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import pg from "pg";
import { OURS, POSTGRAPHILE, Q3_WORKER_SQL } from "./queries.mjs";
import { benchShapes } from "./shapes-bench.mjs";
import {
  build,
  cpuSeconds,
  dataset,
  log,
  postgresCpuSeconds,
  serve,
  serveSertakan,
} from "./setup.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));

const WORKERS = Number(process.env.BENCH_WORKERS ?? 220_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
const CONNECTIONS = 20;
// BENCH_QUERIES=Q3,COUNTER times only those (default: all); SHAPES names the generated shapes.
const ONLY = process.env.BENCH_QUERIES?.split(",").map((q) => q.trim().toUpperCase());

function rssMiB(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
}

async function load(url, { body, headers }, seconds) {
  const result = await autocannon({
    url,
    method: body ? "POST" : "GET",
    body,
    headers,
    connections: CONNECTIONS,
    duration: seconds,
  });
  if (result.non2xx || result.errors)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
  };
}

async function main() {
  // 1. The dataset, seeded once and kept in .data/bench-<n>.
  build();
  const db = await dataset(`bench-${WORKERS}`, WORKERS, "33.10");
  const DATA_DIR = db.dataDir;
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  const [{ nik }] = (await client.query(Q3_WORKER_SQL)).rows;
  // The counter check asks about a covered worker on a day of their last paid month.
  const [counter] = (
    await client.query(
      `SELECT nik, to_char(covered_through, 'YYYY-MM') || '-15' AS date FROM worker
        WHERE district_code = '33.10.02' AND covered_through IS NOT NULL ORDER BY created_at DESC LIMIT 1 OFFSET 7`,
    )
  ).rows;
  const counts = (
    await client.query(
      `SELECT (SELECT count(*) FROM worker)::int AS workers, (SELECT count(*) FROM contribution)::int AS contributions`,
    )
  ).rows[0];
  await client.end();
  log(
    `dataset: ${counts.workers.toLocaleString("en")} workers, ${counts.contributions.toLocaleString("en")} contributions`,
  );

  // 2. The three servers, each its own process.
  const ours = await serveSertakan(db.url);
  const general = await serveSertakan(db.url, { compiledReads: false });
  const postgraphile = await serve("PostGraphile 5", [
    path.join(here, "postgraphile-server.mjs"),
    db.url,
  ]);
  const raw = await serve("hand-written SQL", [
    path.join(here, "raw-server.mjs"),
    db.url,
    nik,
    counter.nik,
    counter.date,
  ]);
  const auth = ours.headers;
  const json = { "content-type": "application/json" };

  const targets = {
    Q1: [
      [
        ours,
        `http://127.0.0.1:${ours.port}/graphql`,
        { body: JSON.stringify({ query: OURS.Q1 }), headers: auth },
      ],
      [
        general,
        `http://127.0.0.1:${general.port}/graphql`,
        { body: JSON.stringify({ query: OURS.Q1 }), headers: general.headers },
      ],
      [
        postgraphile,
        `http://127.0.0.1:${postgraphile.port}/graphql`,
        { body: JSON.stringify({ query: POSTGRAPHILE.Q1 }), headers: json },
      ],
      [raw, `http://127.0.0.1:${raw.port}/q1`, {}],
    ],
    Q2: [
      [
        ours,
        `http://127.0.0.1:${ours.port}/graphql`,
        { body: JSON.stringify({ query: OURS.Q2 }), headers: auth },
      ],
      [raw, `http://127.0.0.1:${raw.port}/q2`, {}],
    ],
    Q3: [
      [
        ours,
        `http://127.0.0.1:${ours.port}/graphql`,
        { body: JSON.stringify({ query: OURS.Q3(nik) }), headers: auth },
      ],
      [
        general,
        `http://127.0.0.1:${general.port}/graphql`,
        { body: JSON.stringify({ query: OURS.Q3(nik) }), headers: general.headers },
      ],
      [
        postgraphile,
        `http://127.0.0.1:${postgraphile.port}/graphql`,
        { body: JSON.stringify({ query: POSTGRAPHILE.Q3(nik) }), headers: json },
      ],
      [raw, `http://127.0.0.1:${raw.port}/q3`, {}],
    ],
    Q4: [
      [
        ours,
        `http://127.0.0.1:${ours.port}/graphql`,
        { body: JSON.stringify({ query: OURS.Q4 }), headers: auth },
      ],
      [
        general,
        `http://127.0.0.1:${general.port}/graphql`,
        { body: JSON.stringify({ query: OURS.Q4 }), headers: general.headers },
      ],
      [
        postgraphile,
        `http://127.0.0.1:${postgraphile.port}/graphql`,
        { body: JSON.stringify({ query: POSTGRAPHILE.Q4 }), headers: json },
      ],
      [raw, `http://127.0.0.1:${raw.port}/q4`, {}],
    ],
    // PostGraphile has no coverage check; its nearest is Q3's lookup above.
    COUNTER: [
      [
        ours,
        `http://127.0.0.1:${ours.port}/graphql`,
        { body: JSON.stringify({ query: OURS.COUNTER(counter.nik, counter.date) }), headers: auth },
      ],
      [raw, `http://127.0.0.1:${raw.port}/counter`, {}],
    ],
  };
  for (const q of Object.keys(targets)) if (ONLY && !ONLY.includes(q)) delete targets[q];

  // Each answer is checked once before it is timed: a fast error is not a result.
  for (const [q, list] of Object.entries(targets)) {
    for (const [server, url, req] of list) {
      const res = await fetch(url, {
        method: req.body ? "POST" : "GET",
        headers: req.headers,
        body: req.body,
      }).then((r) => r.json());
      if (!res?.data || res.errors)
        throw new Error(`${server.name} ${q}: ${JSON.stringify(res).slice(0, 400)}`);
      if (q === "COUNTER" && res.data.coverageCheck.covered !== true)
        throw new Error(
          `${server.name} COUNTER: expected a covered answer, got ${JSON.stringify(res)}`,
        );
    }
  }

  // 3. Rounds: warm-up, then A B C per round.
  const results = {};
  for (const [q, list] of Object.entries(targets)) {
    for (const [, url, req] of list) await load(url, req, WARMUP);
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 ? [...list].reverse() : list;
      for (const [server, url, req] of order) {
        const cpu = cpuSeconds(server.child.pid);
        const pgCpu = postgresCpuSeconds(DATA_DIR);
        const r = await load(url, req, SECONDS);
        r.cpuMs = ((cpuSeconds(server.child.pid) - cpu) * 1000) / r.total;
        r.pgCpuMs = ((postgresCpuSeconds(DATA_DIR) - pgCpu) * 1000) / r.total;
        const key = `${q}|${server.name}`;
        (results[key] ??= []).push({ ...r, rss: rssMiB(server.child.pid) });
      }
      log(`${q} round ${round + 1}/${ROUNDS} done`);
    }
  }

  // 4. One table: medians over the rounds, and ratios against the baselines.
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const summary = (key) => {
    const rs = results[key];
    return (
      rs && {
        rps: median(rs.map((r) => r.rps)),
        p50: median(rs.map((r) => r.p50)),
        p99: median(rs.map((r) => r.p99)),
        rss: Math.max(...rs.map((r) => r.rss)),
        cpuMs: median(rs.map((r) => r.cpuMs)),
        pgCpuMs: median(rs.map((r) => r.pgCpuMs)),
      }
    );
  };
  const lines = [
    `| query | server | req/s | p50 ms | p99 ms | CPU ms/req: server | PostgreSQL | RSS MiB | ours ÷ PostGraphile | ours ÷ hand-written |`,
    `|---|---|---:|---:|---:|---:|---:|---:|---:|---:|`,
  ];
  for (const q of Object.keys(targets)) {
    const o = summary(`${q}|Sertakan`);
    const p = summary(`${q}|PostGraphile 5`);
    const r = summary(`${q}|hand-written SQL`);
    for (const [name, s] of [
      ["Sertakan", o],
      ["Sertakan, general path", summary(`${q}|Sertakan, general path`)],
      ["PostGraphile 5", p],
      ["hand-written SQL", r],
    ]) {
      if (!s) continue;
      // Both of our paths get ratios: the general path is held to PostGraphile's level too.
      const ratios = name.startsWith("Sertakan")
        ? [p ? (s.rps / p.rps).toFixed(2) : "—", (s.rps / r.rps).toFixed(2)]
        : ["", ""];
      lines.push(
        `| ${q} | ${name} | ${Math.round(s.rps).toLocaleString("en")} | ${s.p50} | ${s.p99} | ${s.cpuMs.toFixed(2)} | ${s.pgCpuMs.toFixed(2)} | ${Math.round(s.rss)} | ${ratios[0]} | ${ratios[1]} |`,
      );
    }
  }
  if (Object.keys(targets).length) {
    console.log(
      `\n${counts.workers.toLocaleString("en")} workers · ${CONNECTIONS} connections · ${ROUNDS} × ${SECONDS} s rounds after ${WARMUP} s warm-up · ${new Date().toISOString().slice(0, 10)}\n`,
    );
    console.log(lines.join("\n"));
  }

  // 5. The generated shapes: workers, donors and sponsorships lists, ours and PostGraphile's.
  if (!ONLY || ONLY.includes("SHAPES")) {
    await benchShapes({
      databaseUrl: db.url,
      ours,
      postgraphile: {
        ...postgraphile,
        url: `http://127.0.0.1:${postgraphile.port}/graphql`,
        headers: json,
      },
      connections: CONNECTIONS,
    });
  }

  for (const s of [ours, general, postgraphile, raw]) s.child.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 1000));
  await db.stop();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
