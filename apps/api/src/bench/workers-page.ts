import http from "node:http";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { Pool } from "pg";
import { benchAuthorization, benchConfig } from "./bench-auth";
import { startEmbeddedPostgres } from "../database/embedded";
import { createServer } from "../server";

// `npm run bench`: the median server time of one worker page (50 newest workers with their
// village) through our API, side by side with a hand-written SQL + node:http baseline on
// the same database, alternated in rounds so machine noise hits both alike.
const QUERY = `{ workers(first: 50) { totalCount nodes { id nik fullName occupation village { code name } } } }`;
const BASELINE_SQL = `
  SELECT json_build_object('data', json_build_object('workers', json_build_object(
    'totalCount', (SELECT count(*) FROM worker),
    'nodes', coalesce(json_agg(json_build_object('id', p.id, 'nik', p.nik, 'fullName', p.full_name,
             'occupation', p.occupation, 'village', json_build_object('code', p.village_code, 'name', p.village_name))
             ORDER BY p.created_at DESC, p.id DESC), '[]'::json)))) AS body
  FROM (SELECT w.id, w.nik, w.full_name, w.occupation, w.village_code, v.name AS village_name, w.created_at
          FROM worker w JOIN region v ON v.code = w.village_code
         ORDER BY w.created_at DESC, w.id DESC LIMIT 50) p`;

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const REQUESTS_PER_ROUND = Number(process.env.BENCH_REQUESTS ?? 200);

// Sent to both servers; the baseline ignores it.
let authorization = "";

async function post(port: number, body: string): Promise<number> {
  const started = process.hrtime.bigint();
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization },
    body,
  });
  const json = (await res.json()) as {
    data?: { workers?: { nodes: unknown[] } };
    errors?: unknown;
  };
  if (!json.data?.workers || json.data.workers.nodes.length !== 50)
    throw new Error(`unexpected answer: ${JSON.stringify(json).slice(0, 300)}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

async function main() {
  const dataDir = path.resolve(__dirname, "../../../../.data/bench");
  const embedded = process.env.BENCH_DATABASE_URL
    ? null
    : await startEmbeddedPostgres(dataDir, console.log);
  const databaseUrl = process.env.BENCH_DATABASE_URL ?? embedded!.url;
  const server = await createServer(benchConfig(true), {
    databaseUrl,
    log: console.log,
  });
  const ours = server.httpServer.listen(0, "127.0.0.1");
  const pool = new Pool({ connectionString: databaseUrl, max: 10 });
  const baseline = http.createServer(async (req, res) => {
    req.resume();
    const { rows } = await pool.query({ name: "workers-page", text: BASELINE_SQL });
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(rows[0].body));
  });
  baseline.listen(0, "127.0.0.1");
  await new Promise((r) => setTimeout(r, 100));
  const oursPort = (ours.address() as AddressInfo).port;
  const basePort = (baseline.address() as AddressInfo).port;
  authorization = await benchAuthorization(`http://127.0.0.1:${oursPort}/graphql`);
  const body = JSON.stringify({ query: QUERY });
  const [{ n }] = await server.dataSource.query(`SELECT count(*)::int AS n FROM worker`);
  console.log(
    `\nworkers in the database: ${n}; ${ROUNDS} rounds × ${REQUESTS_PER_ROUND} sequential requests each, A/B alternated`,
  );

  for (let i = 0; i < 50; i++) await Promise.all([post(oursPort, body), post(basePort, body)]); // warm-up
  const times = { ours: [] as number[], baseline: [] as number[] };
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, port] of round % 2
      ? ([
          ["baseline", basePort],
          ["ours", oursPort],
        ] as const)
      : ([
          ["ours", oursPort],
          ["baseline", basePort],
        ] as const)) {
      for (let i = 0; i < REQUESTS_PER_ROUND; i++) times[name].push(await post(port, body));
    }
    process.stdout.write(`round ${round + 1}/${ROUNDS} done\n`);
  }
  const row = (name: string, xs: number[]) =>
    `| ${name.padEnd(32)} | ${median(xs).toFixed(2).padStart(7)} | ${percentile(xs, 0.95).toFixed(2).padStart(7)} | ${percentile(xs, 0.99).toFixed(2).padStart(7)} |`;
  console.log(
    `\n| server (workers(first: 50))      | p50 ms  | p95 ms  | p99 ms  |\n|----------------------------------|---------|---------|---------|`,
  );
  console.log(row("Sertakan API (GraphQL edge)", times.ours));
  console.log(row("hand-written SQL + node:http", times.baseline));
  console.log(
    `\nmedian ratio ours/baseline: ${(median(times.ours) / median(times.baseline)).toFixed(2)}× the time`,
  );

  ours.close();
  baseline.close();
  await pool.end();
  await server.close();
  await embedded?.stop();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
