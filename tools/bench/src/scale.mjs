// npm run bench:scale -w @sertakan/bench: coverage statistics at national scale. Seeds (once)
// 2,000,000 workers across Central Java (region 33) into .data/bench-33-2000000, starts the
// production build, and times sequential requests, as a regional program sends them. The
// Klaten dataset of `npm run bench` is timed the same way when it is there.
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { build, dataset, log, root, serveSertakan } from "./setup.mjs";

const WORKERS = Number(process.env.SCALE_WORKERS ?? 2_000_000);
const REQUESTS = Number(process.env.SCALE_REQUESTS ?? 21);
const FIGURES = `registeredWorkers active arrears lapsed uncovered contributionsPaid`;
const stats = (code) =>
  `{ coverageStats(regionCode: "${code}") { ${FIGURES} byOccupation { occupation workers active }
     children { region { code name } ${FIGURES} } } }`;

async function time(server, query) {
  const ask = async () => {
    const started = performance.now();
    const res = await fetch(server.url, {
      method: "POST",
      headers: server.headers,
      body: JSON.stringify({ query }),
    });
    const body = await res.json();
    if (!body.data || body.errors) throw new Error(JSON.stringify(body).slice(0, 400));
    return { ms: performance.now() - started, body };
  };
  for (let i = 0; i < 3; i++) await ask(); // warm-up: plans, caches
  const runs = [];
  for (let i = 0; i < REQUESTS; i++) runs.push(await ask());
  const ms = runs.map((r) => r.ms).sort((a, b) => a - b);
  return { p50: ms[Math.floor(ms.length / 2)], max: ms.at(-1), body: runs[0].body };
}

async function measure(name, workers, region, queries) {
  const db = await dataset(name, workers, region);
  let server;
  const rows = [];
  try {
    server = await serveSertakan(db.url);
    for (const [label, query] of queries) {
      const { p50, max, body } = await time(server, query);
      const s = body.data.coverageStats;
      rows.push(
        `| ${label} | ${workers.toLocaleString("en")} | ${s.children.length} | ${s.registeredWorkers.toLocaleString("en")} | ${Math.round(p50)} | ${Math.round(max)} |`,
      );
      log(`${label} on ${workers.toLocaleString("en")} workers: p50 ${p50.toFixed(0)} ms`);
    }
  } finally {
    if (server) {
      server.child.kill("SIGTERM");
      await new Promise((r) => server.child.once("exit", r));
    }
    await db.stop();
  }
  return rows;
}

async function main() {
  build();
  const rows = [];
  if (fs.existsSync(path.join(root, ".data/bench-220000/seeded")))
    rows.push(
      ...(await measure("bench-220000", 220_000, "33.10", [
        ["`coverageStats(33.10)` with children", stats("33.10")],
      ])),
    );
  rows.push(
    ...(await measure(`bench-33-${WORKERS}`, WORKERS, "33", [
      ["`coverageStats(33.10)` with children", stats("33.10")],
      ["`coverageStats(33)` with children", stats("33")],
    ])),
  );
  console.log(
    `\nSequential requests, ${REQUESTS} after 3 warm-ups, ${new Date().toISOString().slice(0, 10)}\n`,
  );
  console.log("| request | workers | children | registered | p50 ms | max ms |");
  console.log("|---|---:|---:|---:|---:|---:|");
  console.log(rows.join("\n"));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
