import path from "node:path";
import type { AddressInfo } from "node:net";
import { Client, Pool } from "pg";
import { Gender, Occupation, buildNik, currentYearMonth } from "@sertakan/schema";
import { benchAuthorization, benchConfig } from "./bench-auth";
import { startEmbeddedPostgres } from "../database/embedded";
import { createServer } from "../server";

// `npm run bench`, part 2: the coverage engine's two heavy writes at the size —
// sponsorWorkers for 500 workers × 12 months (6,000 contribution rows) and the payment
// that settles them — over HTTP through the API, beside hand-written SQL doing the same
// rows with no rules (the floor). Each round uses fresh workers and a fresh donor.
const WORKERS = 500;
const MONTHS = 12;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const embedded = process.env.BENCH_DATABASE_URL
    ? null
    : await startEmbeddedPostgres(path.resolve(__dirname, "../../../../.data/bench"), console.log);
  const serverUrl = process.env.BENCH_DATABASE_URL ?? embedded!.url;
  const databaseUrl = await freshDatabase(serverUrl, "sertakan_bench_coverage");
  const server = await createServer(benchConfig(false), {
    databaseUrl,
  });
  const http = server.httpServer.listen(0, "127.0.0.1");
  await new Promise((r) => http.once("listening", r));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/graphql`;
  const authorization = await benchAuthorization(url);
  const gql = async (query: string, variables: Record<string, unknown>) => {
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors).slice(0, 500));
    return body.data!;
  };
  const pool = new Pool({ connectionString: databaseUrl, max: 4 });
  const month = currentYearMonth();
  const times = {
    sponsor: [] as number[],
    pay: [] as number[],
    rawSponsor: [] as number[],
    rawPay: [] as number[],
  };

  console.log(
    `\n${ROUNDS} rounds; each: ${WORKERS} workers × ${MONTHS} months = ${WORKERS * MONTHS} contribution rows`,
  );
  for (let round = 0; round < ROUNDS; round++) {
    for (const side of round % 2 ? ["raw", "api"] : ["api", "raw"]) {
      const workerIds = await registerWorkers(gql, round * 2 + (side === "raw" ? 1 : 0));
      const { createDonor } = (await gql(
        `mutation($i: DonorInput!) { createDonor(input: $i) { id } }`,
        {
          i: { kind: "LOCAL_GOVERNMENT", name: `Bench APBD ${round}-${side}`, regionCode: "33.10" },
        },
      )) as { createDonor: { id: string } };
      const donorId = createDonor.id;
      if (side === "api") {
        let t = performance.now();
        await gql(`mutation($i: SponsorWorkersInput!) { sponsorWorkers(input: $i) { id } }`, {
          i: { donorId, workerIds, package: "JKK_JKM", startMonth: month, months: MONTHS },
        });
        times.sponsor.push(performance.now() - t);
        t = performance.now();
        await gql(`mutation($i: RecordPaymentInput!) { recordPayment(input: $i) { allocated } }`, {
          i: {
            donorId,
            amount: WORKERS * MONTHS * 16_800,
            reference: `APBD-${round}`,
            paidAt: new Date().toISOString(),
          },
        });
        times.pay.push(performance.now() - t);
      } else {
        let t = performance.now();
        await rawSponsor(pool, donorId, workerIds, month);
        times.rawSponsor.push(performance.now() - t);
        t = performance.now();
        await rawPay(pool, donorId, WORKERS * MONTHS * 16_800);
        times.rawPay.push(performance.now() - t);
      }
    }
    console.log(`round ${round + 1}/${ROUNDS} done`);
  }
  const [{ paid }] = await server.dataSource.query(
    `SELECT count(*)::int AS paid FROM contribution WHERE status = 'PAID'`,
  );
  if (paid !== ROUNDS * 2 * WORKERS * MONTHS)
    throw new Error(`expected every month paid, found ${paid}`);

  const row = (name: string, api: number[], raw: number[]) =>
    `| ${name.padEnd(40)} | ${median(api).toFixed(0).padStart(10)} | ${Math.max(...api)
      .toFixed(0)
      .padStart(
        7,
      )} | ${median(raw).toFixed(0).padStart(9)} | ${(median(api) / median(raw)).toFixed(2).padStart(5)} |`;
  console.log(
    `\n| operation (500 workers × 12 months)      | API p50 ms | API max | floor p50 | ratio |`,
  );
  console.log(
    `|------------------------------------------|------------|---------|-----------|-------|`,
  );
  console.log(row("sponsorWorkers (6,000 months pledged)", times.sponsor, times.rawSponsor));
  console.log(row("recordPayment (6,000 months settled)", times.pay, times.rawPay));
  console.log(`\ntarget: each under 2,000 ms`);

  http.close();
  await pool.end();
  await server.close();
  await embedded?.stop();
}

async function freshDatabase(serverUrl: string, name: string): Promise<string> {
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function registerWorkers(
  gql: (q: string, v: Record<string, unknown>) => Promise<Record<string, unknown>>,
  batch: number,
): Promise<string[]> {
  const rows = Array.from({ length: WORKERS }, (_, i) => {
    const birthDate = `19${60 + (i % 40)}-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}`;
    return {
      nik: buildNik({
        districtCode: "33.10.01",
        birthDate,
        gender: Gender.MALE,
        serial: batch * WORKERS + i + 1,
      }),
      fullName: `Bench ${batch}-${i}`,
      gender: Gender.MALE,
      birthDate,
      occupation: Occupation.FARMER,
      villageCode: "33.10.01.2001",
    };
  });
  const data = (await gql(
    `mutation($rows: [RegisterWorkerInput!]!) { importWorkers(rows: $rows) { workers { id } } }`,
    { rows },
  )) as {
    importWorkers: { workers: { id: string }[] };
  };
  return data.importWorkers.workers.map((w) => w.id);
}

// The floor: the same rows written by hand, without checks, locks or allocation rules.
async function rawSponsor(pool: Pool, donorId: string, workerIds: string[], month: string) {
  await pool.query(
    `WITH s AS (
       INSERT INTO sponsorship (donor_id, worker_id, package, declared_income, monthly_amount, start_month, months, end_month)
       SELECT $1, w, 'JKK_JKM', 1000000, 16800, $3::date, $4, ($3::date + make_interval(months => $4 - 1))::date FROM unnest($2::uuid[]) w
       RETURNING id, worker_id, start_month, end_month)
     INSERT INTO contribution (sponsorship_id, worker_id, donor_id, month, amount)
     SELECT s.id, s.worker_id, $1, g::date, 16800 FROM s, generate_series(s.start_month, s.end_month, interval '1 month') g`,
    [donorId, workerIds, `${month}-01`, MONTHS],
  );
}

async function rawPay(pool: Pool, donorId: string, amount: number) {
  await pool.query(
    `WITH p AS (INSERT INTO payment (donor_id, amount, paid_at, reference) VALUES ($1, $2, now(), gen_random_uuid()::text) RETURNING id),
          c AS (UPDATE contribution SET status = 'PAID', payment_id = (SELECT id FROM p), paid_at = now()
                 WHERE donor_id = $1 AND status = 'DUE' RETURNING id, amount)
     INSERT INTO allocation (payment_id, contribution_id, amount) SELECT (SELECT id FROM p), id, amount FROM c`,
    [donorId, amount],
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
