import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { currentYearMonth } from "@sertakan/schema";
import { createDonor, registerWorkers } from "../test/fixtures";
import { TestServer, startTestServer } from "../test/test-server";
import { PostgresProcess, startPostgresProcess } from "../test/postgres-process";

// PostgreSQL stopped and started again under load, on a server of this file's own: requests
// fail fast with SERVICE_UNAVAILABLE, /readyz says 503, the API recovers without a restart,
// and every payment is whole (retried with its reference, none lost, none counted twice).
const STATEMENT_TIMEOUT_MS = 3_000;
let dir: string;
let pg: PostgresProcess;
let t: TestServer;
let token: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "sertakan-faults-"));
  // As root the server runs as `postgres`, which must reach inside.
  await fs.chmod(dir, 0o755);
  pg = await startPostgresProcess(path.join(dir, "data"));
  t = await startTestServer(
    { STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS) },
    { databaseUrl: pg.url },
  );
  token = await t.tokenFor("ADMIN", null);
}, 180_000);
afterAll(async () => {
  await t?.close();
  await pg?.close();
  await fs.rm(dir, { recursive: true, force: true });
});

type Phase = "up" | "down" | "restarting" | "recovered";
type Answer = {
  phase: Phase;
  ms: number;
  status: number;
  code: string | null;
  ok: boolean;
  /** The first error's message, so a failure shows what went wrong. */
  message?: string;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const PAY = `mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { id amount } }`;
const PAGE = `{ workers(first: 20, filter: { regionCode: "33.10.02" }) { nodes { id nik village { name } } } }`;

async function call(phase: Phase, query: string, variables?: unknown): Promise<Answer> {
  const started = performance.now();
  try {
    const res = await fetch(`${t.baseUrl}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
      // Far past the statement timeout: an answer that needs this has hung.
      signal: AbortSignal.timeout(STATEMENT_TIMEOUT_MS * 3),
    });
    const body = (await res.json()) as {
      data?: unknown;
      errors?: { message: string; extensions?: { code?: string } }[];
    };
    return {
      phase,
      ms: performance.now() - started,
      status: res.status,
      code: body.errors?.[0]?.extensions?.code ?? null,
      ok: !body.errors && Boolean(body.data),
      message: body.errors?.[0]?.message,
    };
  } catch (error) {
    return { phase, ms: performance.now() - started, status: 0, code: String(error), ok: false };
  }
}

it("answers SERVICE_UNAVAILABLE fast while PostgreSQL is down, recovers by itself, and keeps every rupiah", async () => {
  const donorId = await createDonor(t, "Donatur Tahan Gangguan", "COMPANY");
  const workers = await registerWorkers(t, 20, {
    village: "33.10.02.2001",
    namePrefix: "Gangguan",
  });
  const pledged = await t.gql(
    `mutation($input: SponsorWorkersInput!) { sponsorWorkers(input: $input) { id } }`,
    {
      input: {
        donorId,
        workerIds: workers,
        package: "JKK_JKM",
        startMonth: currentYearMonth(),
        months: 12,
      },
    },
  );
  expect(pledged.errors).toBeUndefined();

  // Payments of odd sizes, so months straddle payments; 240 months are due, far more than paid.
  const payments: { reference: string; amount: number }[] = [];
  const paymentAnswers: Answer[] = [];
  const answers: Answer[] = [];
  let phase: Phase = "up";
  let running = true;
  const client = async (n: number) => {
    for (let i = 0; running; i++) {
      if ((i + n) % 2 === 0 && payments.length < 300) {
        const payment = {
          reference: `GANGGUAN-${payments.length}`,
          amount: 9_000 + (payments.length % 7) * 1_234,
        };
        // Four clients interleave, so each answer is kept at its own payment's index.
        const index = payments.push(payment) - 1;
        const answer = await call(phase, PAY, {
          input: { donorId, ...payment, paidAt: new Date().toISOString() },
        });
        paymentAnswers[index] = answer;
        answers.push(answer);
      } else {
        answers.push(await call(phase, PAGE));
      }
      // A client that is refused does not spin.
      if (!answers[answers.length - 1].ok) await sleep(50);
    }
  };
  const load = Promise.all([0, 1, 2, 3].map(client));
  const during = (p: Phase) => answers.filter((a) => a.phase === p);
  // Phases end on counts as well as time: a busy CI machine answers fewer per second.
  const until = async (enough: () => boolean, minMs: number) => {
    const started = performance.now();
    while (!enough() || performance.now() - started < minMs) await sleep(50);
  };

  await until(() => during("up").filter((a) => a.ok).length >= 10, 1_000);
  await pg.stop();
  phase = "down";
  await sleep(500);
  const notReady = await fetch(`${t.baseUrl}/readyz`);
  expect(notReady.status).toBe(503);
  expect(await notReady.json()).toMatchObject({ status: "database unreachable" });
  await until(() => during("down").length >= 10, 2_000);

  phase = "restarting";
  await pg.start();
  const restarted = performance.now();
  let ready = 0;
  while (ready !== 200 && performance.now() - restarted < 20_000) {
    await sleep(100);
    ready = (await fetch(`${t.baseUrl}/readyz`)).status;
  }
  expect(ready).toBe(200);
  phase = "recovered";
  await until(() => during("recovered").length >= 10, 1_000);
  running = false;
  await load;

  // Served before the stop, refused with a code while down, served again after.
  expect(during("up").filter((a) => a.ok).length).toBeGreaterThan(10);
  expect(during("down").length).toBeGreaterThan(10);
  expect(
    during("down").filter((a) => a.status !== 503 || a.code !== "SERVICE_UNAVAILABLE"),
  ).toEqual([]);
  expect(during("recovered").length).toBeGreaterThan(10);
  expect(during("recovered").filter((a) => !a.ok)).toEqual([]);
  // Nothing hung, and nothing failed any other way.
  expect(answers.filter((a) => a.ms >= STATEMENT_TIMEOUT_MS)).toEqual([]);
  expect(answers.filter((a) => !a.ok && a.code !== "SERVICE_UNAVAILABLE")).toEqual([]);

  // The client retries what failed, with the same reference: recordPayment is idempotent.
  for (const [i, answer] of paymentAnswers.entries()) {
    if (answer.ok) continue;
    const retry = await call("recovered", PAY, {
      input: { donorId, ...payments[i], paidAt: new Date().toISOString() },
    });
    expect(retry.ok).toBe(true);
  }
  const received = payments.reduce((sum, p) => sum + p.amount, 0);
  const [row] = await t.server.dataSource.query(
    `SELECT (SELECT count(*) FROM payment WHERE donor_id = $1) AS payments,
            (SELECT coalesce(sum(amount), 0) FROM payment WHERE donor_id = $1) AS received,
            (SELECT coalesce(sum(a.amount), 0) FROM allocation a JOIN payment p ON p.id = a.payment_id WHERE p.donor_id = $1) AS allocated,
            (SELECT coalesce(sum(amount), 0) FROM contribution WHERE donor_id = $1 AND status = 'PAID') AS paid_months_value,
            (SELECT count(*) FROM contribution c WHERE c.donor_id = $1 AND c.status = 'PAID'
                AND c.amount <> (SELECT sum(amount) FROM allocation WHERE contribution_id = c.id)) AS misallocated`,
    [donorId],
  );
  expect(Number(row.payments)).toBe(payments.length);
  expect(Number(row.received)).toBe(received);
  expect(Number(row.misallocated)).toBe(0);
  expect(Number(row.allocated)).toBe(Number(row.paid_months_value));
  const summary = await t.gql(`query($id: ID!) { donor(id: $id) { summary { paid credit } } }`, {
    id: donorId,
  });
  expect(summary.data!.donor.summary.paid + summary.data!.donor.summary.credit).toBe(received);
  expect(summary.data!.donor.summary.paid).toBe(Math.floor(received / 16_800) * 16_800);
}, 120_000);
