// `npm run profile -w @sertakan/bench -- Q1` (or Q3, Q4; add `--general` for the general
// path): where Sertakan's own CPU goes on one fixed query of the bench. It starts the
// production build on the bench dataset with V8's sampling profiler (`--cpu-prof`), drives it
// with autocannon at 20 connections for PROFILE_SECONDS (after BENCH_WARMUP), stops it so the
// profile is written, and prints self time by where the code lives (our packages, each npm
// package, Node's own, the garbage collector) and the functions that cost most.
// The whole profile stays in .data/profiles for Chrome's DevTools.
import fs from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { OURS, Q3_WORKER_SQL } from "./queries.mjs";
import { build, cpuSeconds, dataset, log, root, serveSertakan } from "./setup.mjs";

const query = process.argv[2]?.toUpperCase();
const general = process.argv.includes("--general");
const SECONDS = Number(process.env.PROFILE_SECONDS ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
if (!["Q1", "Q3", "Q4"].includes(query)) {
  console.error("usage: profile.mjs Q1 | Q3 | Q4 [--general]");
  process.exit(2);
}

build();
const WORKERS = Number(process.env.BENCH_WORKERS ?? 220_000);
const db = await dataset(`bench-${WORKERS}`, WORKERS, "33.10");
let document = OURS[query];
if (typeof document === "function") {
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  const [{ nik }] = (await client.query(Q3_WORKER_SQL)).rows;
  await client.end();
  document = document(nik);
}

const dir = path.join(root, ".data", "profiles");
fs.mkdirSync(dir, { recursive: true });
const name = `${query}-${general ? "general" : "compiled"}-${Date.now()}.cpuprofile`;
const server = await serveSertakan(db.url, {
  compiledReads: !general,
  nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${dir}`, `--cpu-prof-name=${name}`],
});
const request = {
  url: server.url,
  method: "POST",
  headers: server.headers,
  body: JSON.stringify({ query: document }),
  connections: 20,
};
const check = await fetch(server.url, request).then((r) => r.json());
if (!check.data || check.errors) throw new Error(JSON.stringify(check).slice(0, 400));

await autocannon({ ...request, duration: WARMUP });
// The profile's timestamps are the monotonic clock's microseconds, as process.hrtime's are:
// only the samples taken under the timed load are counted (not start-up, warm-up, shutdown).
const micros = () => Number(process.hrtime.bigint() / 1000n);
const cpuBefore = cpuSeconds(server.child.pid);
const window = { from: micros() };
const run = await autocannon({ ...request, duration: SECONDS });
window.to = micros();
if (run.non2xx || run.errors)
  throw new Error(`${query}: ${run.non2xx} non-2xx answers and ${run.errors} errors under load`);
const cpuMs = ((cpuSeconds(server.child.pid) - cpuBefore) * 1000) / run.requests.total;
log(
  `${query} on the ${general ? "general" : "compiled"} path: ${Math.round(run.requests.average)} req/s, ${cpuMs.toFixed(2)} ms of Node CPU per request (profiler on)`,
);

// The profile is written when the process exits: SIGINT is the server's shutdown with no
// load-balancer delay.
const exited = new Promise((resolve) => server.child.once("exit", resolve));
server.child.kill("SIGINT");
await exited;
await db.stop();

const profile = JSON.parse(fs.readFileSync(path.join(dir, name), "utf8"));
summarize(profile, window);
console.log(`\nwhole profile: ${path.relative(process.cwd(), path.join(dir, name))}`);

// Self time per node: each sample inside the window counts the time to the next one.
function summarize({ nodes, samples, timeDeltas, startTime }, { from, to }) {
  const self = new Map();
  let at = startTime;
  samples.forEach((id, i) => {
    at += timeDeltas[i];
    const us = timeDeltas[i + 1] ?? 0;
    if (at >= from && at <= to) self.set(id, (self.get(id) ?? 0) + us);
  });
  const byPlace = new Map();
  const byFunction = new Map();
  let busy = 0;
  let idle = 0;
  for (const node of nodes) {
    const us = self.get(node.id) ?? 0;
    if (node.callFrame.functionName === "(idle)") idle += us;
    if (!us || node.callFrame.functionName === "(idle)") continue;
    busy += us;
    const place = placeOf(node.callFrame);
    byPlace.set(place, (byPlace.get(place) ?? 0) + us);
    const fn = `${node.callFrame.functionName || "(anonymous)"} ${fileOf(node.callFrame.url) || place}:${node.callFrame.lineNumber + 1}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
  }
  if (!busy && !idle)
    throw new Error("no sample falls in the timed window: is V8's clock the monotonic one here?");
  console.log(
    `\nbusy ${((100 * busy) / (busy + idle)).toFixed(0)}% of the timed ${((to - from) / 1e6).toFixed(1)} s (the rest idle, waiting for PostgreSQL or a core)`,
  );
  const table = (title, map, rows) => {
    console.log(`\n| ${title} | share of busy time |\n|---|---:|`);
    for (const [key, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, rows))
      console.log(`| ${key} | ${((100 * us) / busy).toFixed(1)}% |`);
  };
  table("where", byPlace, 20);
  table("function (self time)", byFunction, 25);
}

// An npm package by its name, our workspaces by theirs, Node's own by "node", the rest as V8 names it.
function placeOf({ url, functionName }) {
  if (!url) return functionName.startsWith("(") ? functionName : "(native)";
  if (url.startsWith("node:")) return "node";
  const modules = url.lastIndexOf("/node_modules/");
  if (modules >= 0) {
    const [scope, pkg] = url.slice(modules + 14).split("/");
    return scope.startsWith("@") ? `${scope}/${pkg}` : scope;
  }
  if (url.includes("/apps/api/")) return "@sertakan/api";
  if (url.includes("/packages/schema/")) return "@sertakan/schema";
  return url;
}

// A file as a reader finds it: inside its package, or inside our build's dist/.
function fileOf(url) {
  const modules = url.lastIndexOf("/node_modules/");
  if (modules >= 0) return url.slice(modules + 14);
  const dist = url.indexOf("/dist/");
  return dist >= 0 ? url.slice(dist + 6) : url;
}
