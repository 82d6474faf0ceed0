// The generated part of `npm run bench`: for each root list (workers, donors, sponsorships),
// 50 random selections drawn with a fixed seed (apps/api/src/bench/query-shapes.ts), each
// timed on Sertakan and on PostGraphile asking the same selection in its own schema.
// It reports each root's median ratio and its slowest shape, and writes every shape's result
// to .data/bench-shapes.json.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import pg from "pg";
import { log, root } from "./setup.mjs";

const ROOTS = ["workers", "donors", "sponsorships"];
const COUNT = 50;
const SECONDS = Number(process.env.BENCH_SHAPE_SECONDS ?? 2);
const WARMUP = Number(process.env.BENCH_SHAPE_WARMUP ?? 0.5);
// BENCH_SHAPES=workers,donors limits the roots (default: all three).
const ONLY = process.env.BENCH_SHAPES?.split(",").map((r) => r.trim().toLowerCase());

/** What the arguments are drawn from, read from the bench database. */
async function fixtures(databaseUrl, queries) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const column = async (sql) => (await client.query(sql)).rows.map((r) => Object.values(r)[0]);
  try {
    const entries = Object.entries(queries);
    const values = [];
    for (const [, sql] of entries) values.push(await column(sql));
    return Object.fromEntries(entries.map(([name], i) => [name, values[i]]));
  } finally {
    await client.end();
  }
}

const post = (server, query) =>
  fetch(server.url, {
    method: "POST",
    headers: server.headers,
    body: JSON.stringify({ query }),
  }).then((r) => r.json());

// The root list's length and count: the same selection must find the same rows on both.
function rows(answer, rootField) {
  const connection = answer.data[rootField];
  return {
    rows: (connection.nodes ?? connection.edges).length,
    totalCount: connection.totalCount,
  };
}

async function time(server, query, connections, seconds = SECONDS) {
  const result = await autocannon({
    url: server.url,
    method: "POST",
    headers: server.headers,
    body: JSON.stringify({ query }),
    connections,
    duration: seconds,
  });
  if (result.non2xx || result.errors)
    throw new Error(`${server.name}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Times the generated shapes. `ours` and `postgraphile` are servers as setup.mjs starts them,
 * with `url` and `headers` (ours signed in as the bench administrator).
 */
export async function benchShapes({ databaseUrl, ours, postgraphile, connections }) {
  const { generateShapes, SHAPE_FIXTURE_SQL, SHAPE_SEED } = await import(
    path.join(root, "apps/api/dist/bench/query-shapes.js")
  );
  const SEED = Number(process.env.BENCH_SHAPE_SEED ?? SHAPE_SEED);
  const drawn = await fixtures(databaseUrl, SHAPE_FIXTURE_SQL);
  const roots = ROOTS.filter((r) => !ONLY || ONLY.includes(r));
  const shapes = roots.flatMap((r) =>
    generateShapes(r, COUNT, SEED, drawn).map((s) => ({ root: r, ...s })),
  );

  // Every answer is checked once before anything is timed, and all failures are told at once.
  // An error from PostGraphile, or a different row count, is a generator bug.
  const failures = [];
  for (const s of shapes) {
    const [a, b] = await Promise.all([post(ours, s.ours), post(postgraphile, s.postgraphile)]);
    if (!a?.data || a.errors)
      failures.push(`Sertakan ${s.name}: ${JSON.stringify(a).slice(0, 300)}`);
    if (!b?.data || b.errors)
      failures.push(`PostGraphile ${s.name}: ${JSON.stringify(b).slice(0, 300)}`);
    if (a?.data && b?.data && JSON.stringify(rows(a, s.root)) !== JSON.stringify(rows(b, s.root)))
      failures.push(
        `${s.name}: Sertakan ${JSON.stringify(rows(a, s.root))}, PostGraphile ${JSON.stringify(rows(b, s.root))}`,
      );
  }
  if (failures.length)
    throw new Error(`generated shapes failed their check:\n${failures.join("\n")}`);

  // One round per shape, the two servers in alternating order, each after a short warm-up
  // of its own (its statements prepared, its plans cached, JIT-compiled code hot).
  const results = [];
  for (const [i, s] of shapes.entries()) {
    const order = i % 2 ? ["postgraphile", "ours"] : ["ours", "postgraphile"];
    const r = {};
    for (const side of order)
      await time(
        side === "ours" ? ours : postgraphile,
        side === "ours" ? s.ours : s.postgraphile,
        connections,
        WARMUP,
      );
    for (const side of order)
      r[side] = await time(
        side === "ours" ? ours : postgraphile,
        side === "ours" ? s.ours : s.postgraphile,
        connections,
      );
    results.push({
      ...s,
      ours: { query: s.ours, ...r.ours },
      postgraphile: { query: s.postgraphile, ...r.postgraphile },
      ratio: r.ours.rps / r.postgraphile.rps,
    });
    if ((i + 1) % 10 === 0) log(`shapes: ${i + 1}/${shapes.length} timed`);
  }
  fs.writeFileSync(
    path.join(root, ".data/bench-shapes.json"),
    JSON.stringify({ seed: SEED, seconds: SECONDS, connections, results }, null, 2),
  );

  console.log(
    `\nGenerated shapes: seed ${SEED}, ${COUNT} per root, ${SECONDS} s per shape and server, ${connections} connections (all results: .data/bench-shapes.json)\n`,
  );
  console.log(shapesTable(results));
  return results;
}

/**
 * Each root's medians and its slowest shape, from the results (or .data/bench-shapes.json's).
 * req/s and p50 are there because at a fixed number of connections they decide p99: each
 * request waits about connections ÷ req/s.
 */
export function shapesTable(results) {
  const lines = [
    `| root | shapes | median ours ÷ PostGraphile | median req/s: ours | median p50 ms: ours | median p99 ms: ours | PostGraphile | slowest shape | its ratio | its p99 ms: ours | PostGraphile |`,
    `|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|`,
  ];
  for (const r of [...new Set(results.map((x) => x.root))]) {
    const rs = results.filter((x) => x.root === r);
    const slowest = rs.reduce((a, b) => (b.ratio < a.ratio ? b : a));
    lines.push(
      `| ${r} | ${rs.length} | ${median(rs.map((x) => x.ratio)).toFixed(2)} | ${Math.round(median(rs.map((x) => x.ours.rps)))} | ${median(rs.map((x) => x.ours.p50))} | ${median(rs.map((x) => x.ours.p99))} | ${median(rs.map((x) => x.postgraphile.p99))} | ${slowest.name} (${slowest.summary}) | ${slowest.ratio.toFixed(2)} | ${slowest.ours.p99} | ${slowest.postgraphile.p99} |`,
    );
  }
  return lines.join("\n");
}

// `node tools/bench/src/shapes-bench.mjs`: the table again, from the last run's saved results.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const saved = JSON.parse(fs.readFileSync(path.join(root, ".data/bench-shapes.json"), "utf8"));
  console.log(
    `seed ${saved.seed}, ${saved.seconds} s per shape and server, ${saved.connections} connections\n`,
  );
  console.log(shapesTable(saved.results));
}
