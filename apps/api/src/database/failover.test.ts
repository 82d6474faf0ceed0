import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { currentYearMonth } from "@sertakan/schema";
import { ApiProcess, startApiProcess } from "../test/api-process";
import { createDonor, registerWorkers } from "../test/fixtures";
import { PatroniCluster, patroniAvailable, startPatroniCluster } from "../test/patroni-cluster";
import { TEST_ADMIN } from "../test/test-server";

// The HA deployment under load: two API instances through PgBouncer and HAProxy on a Patroni
// cluster (one etcd, two PostgreSQL, synchronous replication). The leader's PostgreSQL is killed -9 while
// clients pledge and pay; refused writes are retried with the same reference or key, as a
// client would. Every acknowledged write must be on the new leader exactly once and every
// donor's money must add up. Then the replica is killed: reads keep answering.
const missing = patroniAvailable();
if (missing.length)
  console.warn(
    `\n\n  failover.test.ts SKIPPED: missing ${missing.join(", ")}.\n  Install them with: apt-get install patroni etcd-server haproxy pgbouncer postgresql (.ci/run does)\n\n`,
  );

const STATEMENT_TIMEOUT_MS = 3_000;
const DONORS = 4;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const PLEDGE = `mutation($input: SponsorWorkersInput!) { sponsorWorkers(input: $input) { id } }`;
const PAY = `mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { id } }`;
const PAGE = `{ workers(first: 20, filter: { search: "Gagal" }) { nodes { id fullName } } }`;

type Answer = {
  /** When it was sent, and when it was answered. */
  sent: number;
  at: number;
  ok: boolean;
  status: number;
  code: string | null;
  retryAfter: string | null;
  message?: string;
};

(missing.length ? describe.skip : describe)(
  "failover under load (Patroni, HAProxy, PgBouncer)",
  () => {
    let root: string;
    let cluster: PatroniCluster;
    const apis: ApiProcess[] = [];
    let tokens: string[];

    beforeAll(async () => {
      root = fs.mkdtempSync(path.join(os.tmpdir(), "sertakan-failover-"));
      // As root, Patroni runs as `postgres`, which must reach inside.
      fs.chmodSync(root, 0o755);
      cluster = await startPatroniCluster(root);
      const env = {
        DATABASE_REPLICA_URLS: cluster.bouncerReadUrl,
        STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS),
      };
      // The first migrates and loads the regions; the second finds them there.
      apis.push(await startApiProcess(cluster.bouncerWriteUrl, TEST_ADMIN, env));
      apis.push(await startApiProcess(cluster.bouncerWriteUrl, TEST_ADMIN, env));
      tokens = await Promise.all(apis.map(signIn));
    }, 120_000);
    afterAll(async () => {
      await Promise.all(apis.map((a) => a.stop()));
      await cluster?.stop();
      if (root) fs.rmSync(root, { recursive: true, force: true });
    });

    const signIn = async (api: ApiProcess) => {
      const res = await fetch(api.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          query: `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`,
          variables: { e: TEST_ADMIN.email, p: TEST_ADMIN.password },
        }),
      });
      return ((await res.json()) as { data: { login: { token: string } } }).data.login.token;
    };

    // One request, with what a client sees: status, code and Retry-After.
    const call = async (i: number, query: string, variables?: unknown): Promise<Answer> => {
      const sent = performance.now();
      try {
        const res = await fetch(apis[i].url, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${tokens[i]}` },
          body: JSON.stringify({ query, variables }),
          signal: AbortSignal.timeout(STATEMENT_TIMEOUT_MS * 4),
        });
        const body = (await res.json()) as {
          data?: Record<string, unknown> | null;
          errors?: { message: string; extensions?: { code?: string } }[];
        };
        return {
          sent,
          at: performance.now(),
          ok: !body.errors && Boolean(body.data),
          status: res.status,
          code: body.errors?.[0]?.extensions?.code ?? null,
          retryAfter: res.headers.get("retry-after"),
          message: body.errors?.[0]?.message,
        };
      } catch (error) {
        return {
          sent,
          at: performance.now(),
          ok: false,
          status: 0,
          code: String(error),
          retryAfter: null,
        };
      }
    };

    it("loses no acknowledged pledge or payment when the leader is killed, and keeps reading without the replica", async () => {
      const started = performance.now();
      const donors = await Promise.all(
        Array.from({ length: DONORS }, (_, i) => createDonor(apis[0], `Donatur Gagal ${i}`)),
      );
      // Enough workers that no client runs out: each pledge covers one new worker.
      const workers = await registerWorkers(apis[0], 400, { namePrefix: "Gagal" });
      const month = currentYearMonth();

      type Write = {
        kind: "pledge" | "payment";
        donor: number;
        key: string;
        amount: number;
        worker?: string;
        tries: number;
        acknowledged: boolean;
      };
      const writes: Write[] = [];
      const answers: Answer[] = [];
      const writeAnswers: Answer[] = [];
      const reads: Answer[] = [];
      let running = true;
      let nextWorker = 0;

      // A client writes, and retries a refused write with the same key until it is answered;
      // it reads the worker page between writes.
      const client = async (n: number) => {
        const api = n % 2;
        const donor = n % DONORS;
        for (let i = 0; running; i++) {
          const pledge = i % 3 === 0 && nextWorker < workers.length;
          const write: Write = pledge
            ? {
                kind: "pledge",
                donor,
                key: `GAGAL-PLEDGE-${n}-${i}`,
                amount: 0,
                worker: workers[nextWorker++],
                tries: 0,
                acknowledged: false,
              }
            : {
                kind: "payment",
                donor,
                key: `GAGAL-PAY-${n}-${i}`,
                amount: 7_000 + ((n * 31 + i) % 9) * 1_111,
                tries: 0,
                acknowledged: false,
              };
          writes.push(write);
          while (!write.acknowledged) {
            write.tries++;
            const answer = await call(
              api,
              write.kind === "pledge" ? PLEDGE : PAY,
              write.kind === "pledge"
                ? {
                    input: {
                      donorId: donors[donor],
                      workerIds: [write.worker],
                      package: "JKK_JKM",
                      startMonth: month,
                      months: 3,
                      idempotencyKey: write.key,
                    },
                  }
                : {
                    input: {
                      donorId: donors[donor],
                      amount: write.amount,
                      reference: write.key,
                      paidAt: new Date().toISOString(),
                    },
                  },
            );
            answers.push(answer);
            writeAnswers.push(answer);
            write.acknowledged = answer.ok;
            // Retry-After says 5 s; this client retries sooner to measure the window finely.
            if (!answer.ok) await sleep(100);
            if (!running && !answer.ok && write.tries > 300) break;
          }
          const read = await call(api, PAGE);
          reads.push(read);
          answers.push(read);
          if (!read.ok) await sleep(100);
        }
      };
      // /readyz of both instances, sampled throughout, each on its own: a probe waits up to
      // 2 s per pool while the leader is gone, and must not hold back the other's.
      const readiness: { sent: number; at: number; api: number; status: number }[] = [];
      const probeReadiness = async (i: number) => {
        while (running) {
          const sent = performance.now();
          const status = await fetch(apis[i].url.replace(/\/graphql$/, "/readyz"), {
            signal: AbortSignal.timeout(5_000),
          }).then(
            (r) => r.status,
            () => 0,
          );
          readiness.push({ sent, at: performance.now(), api: i, status });
          await sleep(200);
        }
      };
      const load = Promise.all([
        ...[0, 1, 2, 3, 4, 5].map(client),
        ...apis.map((_, i) => probeReadiness(i)),
      ]);
      const acknowledgedSince = (t: number) => writeAnswers.filter((a) => a.ok && a.at > t).length;
      // Phases end on counts, not time: a busy machine answers fewer per second.
      const until = async (what: string, enough: () => boolean, timeoutMs = 45_000) => {
        const from = performance.now();
        while (!enough()) {
          if (performance.now() - from > timeoutMs)
            throw new Error(
              `${what} not reached in ${timeoutMs / 1000} s\n${cluster.output().slice(-4000)}`,
            );
          await sleep(50);
        }
      };

      try {
        await until("writes before the kill", () => acknowledgedSince(0) >= 40);
        const [oldLeader] = (await cluster.members()).filter((m) => m.role === "leader");
        cluster.killPostmaster(oldLeader.name);
        const killedAt = performance.now();
        await cluster.waitFor("a new leader", (m) =>
          m.some((x) => x.role === "leader" && x.name !== oldLeader.name && x.state === "running"),
        );
        await until("writes after the failover", () => acknowledgedSince(killedAt) >= 40);
        // The outage is the writes': reads go on from the standby until it is promoted.
        const refused = writeAnswers.filter((a) => !a.ok && a.at > killedAt);
        const firstRefused = refused[0]?.at ?? killedAt;
        const lastRefused = refused.at(-1)?.at ?? killedAt;
        const firstAfter = writeAnswers.find((a) => a.ok && a.at > lastRefused)?.at ?? lastRefused;
        const readsRefused = reads.filter((r) => !r.ok && r.at > killedAt).length;
        // A write may also wait (in PgBouncer) instead of being refused: the longest wait.
        const slowestAcrossFailover = Math.max(
          ...writeAnswers.filter((a) => a.ok && a.at > killedAt).map((a) => a.at - a.sent),
        );
        const recoveredAt = performance.now();

        // The old leader comes back as the synchronous standby (Patroni rewinds it)...
        await cluster.waitFor("the old leader back as the standby", (m) =>
          m.some(
            (x) => x.name === oldLeader.name && x.role === "sync_standby" && x.state === "running",
          ),
        );
        // ...and is then lost for good: reads must keep answering (HAProxy cuts the sessions
        // to it and its read port falls back to the leader; the API drops broken connections).
        await until(
          "reads from the standby",
          () => reads.filter((r) => r.ok && r.at > recoveredAt).length >= 10,
        );
        await cluster.killNode(oldLeader.name);
        const replicaKilledAt = performance.now();
        await until(
          "reads and writes without the replica",
          () =>
            reads.filter((r) => r.ok && r.at > replicaKilledAt).length >= 30 &&
            acknowledgedSince(replicaKilledAt) >= 40,
        );
        running = false;
        await load;

        // Refusals only while the leader was gone, always 503 SERVICE_UNAVAILABLE + Retry-After.
        expect(
          answers.filter(
            (a) => !a.ok && (a.status !== 503 || a.code !== "SERVICE_UNAVAILABLE" || !a.retryAfter),
          ),
        ).toEqual([]);
        expect(writes.filter((w) => !w.acknowledged)).toEqual([]);
        // Served again by the same processes: nothing was restarted.
        expect(apis.map((a) => a.child.exitCode)).toEqual([null, null]);
        const replicaRefusals = reads.filter((r) => !r.ok && r.at > replicaKilledAt);
        // /readyz: ready before the kill, not ready at some point while the leader was gone,
        // ready again on both instances after.
        expect(readiness.filter((r) => r.at < killedAt && r.status !== 200)).toEqual([]);
        // (A probe answered after the kill but sent before it may say either.) One in flight
        // during the outage says 503: a probe sent just before it may wait out the whole of a
        // short outage on the dead leader, so "sent during it" would ask for luck.
        const outageMs = firstAfter - firstRefused;
        if (outageMs > 1_000)
          // The probes of the outage, so a failure shows what they said and when.
          expect(
            readiness
              .filter((r) => r.at > firstRefused && r.sent < firstAfter)
              .map((r) => ({ ...r, outage: [firstRefused, firstAfter] })),
          ).toContainEqual(expect.objectContaining({ status: 503 }));
        expect(
          readiness
            .filter((r) => r.sent > recoveredAt && r.status !== 200)
            .map((r) => ({
              ...r,
              since: { recoveredAt: r.at - recoveredAt, replicaKilledAt: r.at - replicaKilledAt },
            })),
        ).toEqual([]);

        // Every acknowledged write, on the new leader, exactly once.
        const db = new Client({ connectionString: cluster.writeUrl });
        await db.connect();
        try {
          const [{ standby }] = (await db.query("SELECT pg_is_in_recovery() AS standby")).rows;
          expect(standby).toBe(false);
          const payments = writes.filter((w) => w.kind === "payment");
          const pledges = writes.filter((w) => w.kind === "pledge");
          const { rows: paid } = await db.query(
            `SELECT reference, count(*)::int AS n, sum(amount)::bigint AS amount FROM payment
            WHERE reference LIKE 'GAGAL-PAY-%' GROUP BY reference`,
          );
          const byReference = new Map(paid.map((r) => [r.reference, r]));
          expect(payments.filter((w) => byReference.get(w.key)?.n !== 1)).toEqual([]);
          expect(
            payments.filter((w) => Number(byReference.get(w.key)?.amount) !== w.amount),
          ).toEqual([]);
          expect(paid).toHaveLength(payments.length);
          const { rows: pledged } = await db.query(
            `SELECT s.worker_id, count(*)::int AS n FROM sponsorship s
            WHERE s.worker_id = ANY($1::uuid[]) AND s.cancelled_at IS NULL GROUP BY s.worker_id`,
            [pledges.map((w) => w.worker)],
          );
          const byWorker = new Map(pledged.map((r) => [r.worker_id, r.n]));
          expect(pledges.filter((w) => byWorker.get(w.worker) !== 1)).toEqual([]);
          expect(pledged).toHaveLength(pledges.length);
          const { rows: keys } = await db.query(
            `SELECT count(*)::int AS n FROM sponsor_request WHERE idempotency_key LIKE 'GAGAL-PLEDGE-%'`,
          );
          expect(keys[0].n).toBe(pledges.length);

          // Each donor's money adds up: received = allocated + credit, each paid month whole.
          for (const [i, donorId] of donors.entries()) {
            const received = payments
              .filter((w) => w.donor === i)
              .reduce((sum, w) => sum + w.amount, 0);
            const [row] = (
              await db.query(
                `SELECT (SELECT coalesce(sum(amount), 0) FROM payment WHERE donor_id = $1) AS received,
                      (SELECT coalesce(sum(a.amount), 0) FROM allocation a JOIN payment p ON p.id = a.payment_id WHERE p.donor_id = $1) AS allocated,
                      (SELECT coalesce(sum(amount), 0) FROM contribution WHERE donor_id = $1 AND status = 'PAID') AS paid_months_value,
                      (SELECT count(*) FROM contribution c WHERE c.donor_id = $1 AND c.status = 'PAID'
                          AND c.amount <> (SELECT sum(amount) FROM allocation WHERE contribution_id = c.id)) AS misallocated`,
                [donorId],
              )
            ).rows;
            expect(Number(row.received)).toBe(received);
            expect(Number(row.misallocated)).toBe(0);
            expect(Number(row.allocated)).toBe(Number(row.paid_months_value));
            const summary = await apis[1].gql(
              `query($id: ID!) { donor(id: $id) { summary { paid credit } } }`,
              { id: donorId },
            );
            expect(summary.data.donor.summary.paid + summary.data.donor.summary.credit).toBe(
              received,
            );
          }
        } finally {
          await db.end();
        }
        const retried = writes.filter((w) => w.tries > 1).length;
        console.log(
          [
            `failover: leader ${oldLeader.name} killed -9; outage window ${(outageMs / 1000).toFixed(2)} s ` +
              `(first refused ${((firstRefused - killedAt) / 1000).toFixed(2)} s after the kill → first success after the last refusal)`,
            `  ${writes.length} acknowledged writes checked on the new leader (${writes.filter((w) => w.kind === "payment").length} payments, ` +
              `${writes.filter((w) => w.kind === "pledge").length} pledges; ${retried} needed a retry), ${refused.length} refused write answers (and ${readsRefused} reads), all 503 + Retry-After; ` +
              `slowest acknowledged write across the failover ${Math.round(slowestAcrossFailover)} ms`,
            `  replica killed: ${reads.filter((r) => r.at > replicaKilledAt).length} reads after, ${replicaRefusals.length} refused; ` +
              `slowest write meanwhile ${Math.round(Math.max(...writeAnswers.filter((a) => a.sent > replicaKilledAt - 1_000).map((a) => a.at - a.sent)))} ms ` +
              `(commits wait for the lost synchronous standby until Patroni drops it)`,
            `  total ${((performance.now() - started) / 1000).toFixed(1)} s`,
          ].join("\n"),
        );
        // Only reads already on their way to the replica when it died may fail; the API takes
        // it out of the rotation at its connections' first error, so none sent a second later.
        expect(replicaRefusals.filter((r) => r.sent > replicaKilledAt + 1_000)).toEqual([]);
      } finally {
        running = false;
        await load;
      }
    }, 150_000);
  },
);
