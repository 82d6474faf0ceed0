// `npm run explain -w @sertakan/bench -- donors-19` (a generated shape), `-- Q4` (a fixed
// query of the bench) or `-- query.graphql`:
// the statement the compiled reads send for it, as a national administrator, its plan with
// the generic plan the API's pool uses (EXPLAIN ANALYZE, BUFFERS) and the median of its
// round trips, on the bench dataset (migrated first, as a server would be). For finding out
// why a shape is slow.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import pg from "pg";
import { OURS, Q3_WORKER_SQL } from "./queries.mjs";
import { build, dataset, log, root } from "./setup.mjs";

const require = createRequire(path.join(root, "apps/api/dist/main.js"));
const CALLS = Number(process.env.BENCH_SQL_CALLS ?? 100);
const arg = process.argv[2];
if (!arg) {
  console.error(
    "usage: explain.mjs <shape, e.g. donors-19> | Q1 | Q2 | Q3 | Q4 | <file with a GraphQL query>",
  );
  process.exit(2);
}

build();
require("reflect-metadata");
const { parse } = require("graphql");
const { createSchema } = require(path.join(root, "apps/api/dist/schema.js"));
const { CATALOG, CompiledReads } = require(
  path.join(root, "apps/api/dist/compiled-reads/index.js"),
);
const { generateShapes, SHAPE_FIXTURE_SQL, SHAPE_SEED } = require(
  path.join(root, "apps/api/dist/bench/query-shapes.js"),
);

const db = await dataset(
  `bench-${process.env.BENCH_WORKERS ?? 220_000}`,
  Number(process.env.BENCH_WORKERS ?? 220_000),
  "33.10",
);
// The dataset at this build's schema, as a server would migrate it at start.
const { createDataSource } = require(path.join(root, "apps/api/dist/database/data-source.js"));
const { migrateDatabase } = require(path.join(root, "apps/api/dist/database/migrate.js"));
const maintenance = createDataSource({ url: db.url, poolSize: 2, statementTimeoutMs: 0 });
await maintenance.initialize();
await migrateDatabase(maintenance, log);
await maintenance.destroy();

const client = new pg.Client({ connectionString: db.url });
await client.connect();
try {
  let document;
  const shape = /^(workers|donors|sponsorships)-(\d+)$/.exec(arg);
  if (shape) {
    const fixtures = {};
    for (const [name, sql] of Object.entries(SHAPE_FIXTURE_SQL))
      fixtures[name] = (await client.query(sql)).rows.map((r) => Object.values(r)[0]);
    const seed = Number(process.env.BENCH_SHAPE_SEED ?? SHAPE_SEED);
    const drawn = generateShapes(shape[1], Number(shape[2]), seed, fixtures).at(-1);
    log(`${drawn.name}: ${drawn.summary}`);
    document = drawn.ours;
  } else if (typeof OURS[arg] === "string") document = OURS[arg];
  else if (arg === "Q3") document = OURS.Q3((await client.query(Q3_WORKER_SQL)).rows[0].nik);
  else if (OURS[arg]) throw new Error(`${arg} takes a NIK: write it out in a file instead`);
  else document = fs.readFileSync(arg, "utf8");
  console.log(document);

  const operation = parse(document).definitions.find((d) => d.kind === "OperationDefinition");
  const reads = new CompiledReads(await createSchema(), CATALOG, null, () => new Date());
  const compiled = reads.compile(operation, {}, { role: "ADMIN", regionScope: null }, {});
  if (compiled.reason) throw new Error(`not compiled: ${compiled.reason}`);
  console.log(`\n${compiled.text}\n${JSON.stringify(compiled.values)}\n`);

  // As the API's pool runs it: a named statement, planned once, generic.
  await client.query("SET plan_cache_mode = force_generic_plan");
  const named = { name: "explained", text: compiled.text, values: compiled.values };
  for (let i = 0; i < 5; i++) await client.query(named);
  await client.query(`PREPARE explained_plan AS ${compiled.text}`);
  const literals = compiled.values.map((v) =>
    v === null ? "NULL" : client.escapeLiteral(prepare(v)),
  );
  const plan = await client.query(
    `EXPLAIN (ANALYZE, BUFFERS) EXECUTE explained_plan${literals.length ? `(${literals.join(", ")})` : ""}`,
  );
  console.log(plan.rows.map((r) => r["QUERY PLAN"]).join("\n"));

  const times = [];
  for (let i = 0; i < CALLS; i++) {
    const started = process.hrtime.bigint();
    await client.query(named);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  console.log(`\nround trip, median of ${CALLS}: ${times[Math.floor(CALLS / 2)].toFixed(2)} ms`);
} finally {
  await client.end();
}
process.exit(0);

// A parameter as pg sends it: arrays in PostgreSQL's literal form, the rest as text.
function prepare(value) {
  if (Array.isArray(value)) return `{${value.map((v) => JSON.stringify(String(v))).join(",")}}`;
  return String(value);
}
