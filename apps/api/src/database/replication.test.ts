import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { currentYearMonth } from "@sertakan/schema";
import {
  Cluster,
  PG_BIN,
  debianPostgresAvailable,
  startPrimary,
  startStandby,
} from "../test/debian-postgres";
import { ApiProcess, startApiProcess } from "../test/api-process";
import { createDataSource } from "./data-source";
import { closeStatementPools, primaryPool, refuseStandbyAsPrimary } from "./replicas";
import { isDatabaseUnavailable } from "./unavailable";
import { createDonor, registerWorkers } from "../test/fixtures";
import { TEST_ADMIN, TestServer, startTestServer } from "../test/test-server";

// DATABASE_REPLICA_URLS against a real primary and hot standby (streaming replication):
// reads go to the standby, a mutation's writes and its own reads go to the primary.
const available = debianPostgresAvailable();
if (!available)
  console.warn(
    `replication.test.ts skipped: no PostgreSQL binaries in ${PG_BIN} (apt-get install postgresql, or set PG_BIN)`,
  );

(available ? describe : describe.skip)("reads on a streaming replica", () => {
  let root: string;
  let primary: Cluster;
  let standby: Cluster;
  let t: TestServer;
  let replica: Client;

  const asSuperuser = async (url: string, sql: string) => {
    const c = new Client({ connectionString: url });
    await c.connect();
    try {
      return (await c.query(sql)).rows;
    } finally {
      await c.end();
    }
  };
  // The standby has replayed everything the primary has written so far.
  const caughtUp = async () => {
    const [{ lsn }] = await asSuperuser(primary.url, "SELECT pg_current_wal_lsn()::text AS lsn");
    for (let i = 0; i < 200; i++) {
      const { rows } = await replica.query(
        "SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS done",
        [lsn],
      );
      if (rows[0].done) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error("the standby did not catch up in 10 s");
  };

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "sertakan-replication-"));
    primary = await startPrimary(root);
    standby = await startStandby(root, primary);
    replica = new Client({ connectionString: standby.url });
    await replica.connect();
    t = await startTestServer(
      { DATABASE_URL: primary.url, DATABASE_REPLICA_URLS: standby.url },
      { databaseUrl: primary.url },
    );
    await caughtUp();
  }, 180_000);
  afterAll(async () => {
    await t?.close();
    await replica?.end();
    await standby?.stop();
    await primary?.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it("is a hot standby, and the API holds a pool on it", async () => {
    const { rows } = await replica.query("SELECT pg_is_in_recovery() AS standby");
    expect(rows[0].standby).toBe(true);
    const ready = await (await fetch(`${t.baseUrl}/readyz`)).json();
    expect(ready).toEqual({ status: "ready", replicas: [{ name: "replica1", ok: true }] });
  });

  it("reads from the replica, and a mutation's own reads from the primary", async () => {
    const donorId = await createDonor(t, "Donatur Replika");
    await caughtUp();
    // Freeze the standby: from here it misses every write.
    await replica.query("SELECT pg_wal_replay_pause()");
    try {
      const [workerId] = await registerWorkers(t, 1, { namePrefix: "Replika" });
      // The pledge reads the new worker back for its answer: only the primary has it.
      const pledged = await t.gql(
        `mutation($input: SponsorWorkersInput!) { sponsorWorkers(input: $input) { id worker { fullName } donor { name } } }`,
        {
          input: {
            donorId,
            workerIds: [workerId],
            package: "JKK_JKM",
            startMonth: currentYearMonth(),
            months: 2,
          },
        },
      );
      expect(pledged.errors).toBeUndefined();
      expect(pledged.data!.sponsorWorkers[0].worker.fullName).toBe("Replika 0001");
      // A query is served by the frozen standby, which has not seen the worker yet.
      const read = `query($id: ID!) { worker(id: $id) { fullName } }`;
      expect((await t.gql(read, { id: workerId })).data!.worker).toBeNull();
      const page = `{ workers(first: 5, filter: { search: "Replika" }) { totalCount nodes { id } } }`;
      expect((await t.gql(page)).data!.workers.totalCount).toBe(0);

      await replica.query("SELECT pg_wal_replay_resume()");
      await caughtUp();
      expect((await t.gql(read, { id: workerId })).data!.worker.fullName).toBe("Replika 0001");
      expect((await t.gql(page)).data!.workers.nodes).toEqual([{ id: workerId }]);
    } finally {
      await replica.query("SELECT pg_wal_replay_resume()").catch(() => undefined);
    }
  });

  it("refuses a primary connection to a server in recovery as unavailable (a promotion under way)", async () => {
    const onStandby = createDataSource({ url: standby.url, poolSize: 2 });
    const onPrimary = createDataSource({ url: primary.url, poolSize: 2 });
    await Promise.all([onStandby.initialize(), onPrimary.initialize()]);
    try {
      refuseStandbyAsPrimary(onStandby);
      refuseStandbyAsPrimary(onPrimary);
      // The named-statement pool opens its connections after the guard: each is checked.
      const refused = await primaryPool(onStandby)
        .query("SELECT 1")
        .then(
          () => null,
          (error: unknown) => error,
        );
      expect(refused).toMatchObject({ code: "57P03" });
      expect(isDatabaseUnavailable(refused)).toBe(true);
      expect((await primaryPool(onPrimary).query("SELECT 1 AS n")).rows).toEqual([{ n: 1 }]);
    } finally {
      for (const ds of [onStandby, onPrimary]) {
        await ds.destroy();
        await closeStatementPools(ds);
      }
    }
  });

  it("takes a replica that stops answering out of the read rotation, and puts it back when it returns", async () => {
    const inRotation = async () => {
      const text = await (await fetch(`${t.baseUrl}/metrics`)).text();
      return /^sertakan_db_replica_up\{pool="replica1"\} (\d)$/m.exec(text)?.[1];
    };
    const waitFor = async (state: string) => {
      const started = performance.now();
      while ((await inRotation()) !== state) {
        if (performance.now() - started > 20_000)
          throw new Error(`replica1 still not ${state} in the rotation after 20 s`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return performance.now() - started;
    };
    const page = `{ workers(first: 5, filter: { search: "Rotasi" }) { totalCount } }`;
    expect(await inRotation()).toBe("1");

    await replica.end();
    await standby.stop();
    // Out within seconds of the standby's stop (its connections break; a probe confirms).
    expect(await waitFor("0")).toBeLessThan(10_000);
    await registerWorkers(t, 1, { namePrefix: "Rotasi", serialFrom: 500 });
    // Reads keep answering, from the primary, which has the new worker.
    for (let i = 0; i < 10; i++) {
      const answer = await t.gql(page);
      expect(answer.errors).toBeUndefined();
      expect(answer.data!.workers.totalCount).toBe(1);
    }
    const ready = await (await fetch(`${t.baseUrl}/readyz`)).json();
    expect(ready).toEqual({ status: "ready", replicas: [{ name: "replica1", ok: false }] });

    await standby.start();
    replica = new Client({ connectionString: standby.url });
    await replica.connect();
    await waitFor("1");
    await caughtUp();
    // Back in the rotation: a frozen standby answers reads, without what it has not replayed.
    await replica.query("SELECT pg_wal_replay_pause()");
    try {
      await registerWorkers(t, 1, { namePrefix: "Rotasi", serialFrom: 501 });
      for (let i = 0; i < 5; i++) expect((await t.gql(page)).data!.workers.totalCount).toBe(1);
    } finally {
      await replica.query("SELECT pg_wal_replay_resume()");
    }
    await caughtUp();
    expect((await t.gql(page)).data!.workers.totalCount).toBe(2);
  }, 90_000);

  it("lets two API instances on the primary and its replica keep the pledge and payment races safe", async () => {
    const env = { DATABASE_REPLICA_URLS: standby.url };
    const apis: ApiProcess[] = await Promise.all([
      startApiProcess(primary.url, TEST_ADMIN, env),
      startApiProcess(primary.url, TEST_ADMIN, env),
    ]);
    try {
      const [worker] = await registerWorkers(t, 1, {
        namePrefix: "Rebutan Replika",
        serialFrom: 900,
      });
      const donors = await Promise.all(
        Array.from({ length: 20 }, (_, i) => createDonor(t, `Donatur Replika ${i}`)),
      );
      const month = currentYearMonth();
      const pledges = await Promise.all(
        donors.map((donorId, i) =>
          apis[i % 2].gql(
            `mutation($input: SponsorWorkersInput!) { sponsorWorkers(input: $input) { id worker { id } } }`,
            {
              input: {
                donorId,
                workerIds: [worker],
                package: "JKK_JKM",
                startMonth: month,
                months: 1,
              },
            },
          ),
        ),
      );
      expect(pledges.filter((a) => a.data?.sponsorWorkers?.[0]?.worker.id === worker)).toHaveLength(
        1,
      );
      expect(pledges.filter((a) => a.errors).map((a) => a.errors[0].extensions.code)).toEqual(
        Array(19).fill("MONTH_ALREADY_COVERED"),
      );
      // 20 identical payments (one reference) to the winner: one is written, all see it.
      const winner = donors[pledges.findIndex((a) => a.data?.sponsorWorkers)];
      const paid = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          apis[i % 2].gql(
            `mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { id } }`,
            {
              input: {
                donorId: winner,
                amount: 16_800,
                reference: "BRI-REPLIKA-1",
                paidAt: new Date().toISOString(),
              },
            },
          ),
        ),
      );
      expect(paid.filter((a) => a.errors)).toEqual([]);
      expect(new Set(paid.map((a) => a.data.recordPayment.id)).size).toBe(1);
      const [row] = await t.server.dataSource.query(
        `SELECT (SELECT count(*)::int FROM payment WHERE donor_id = $1) AS payments,
                (SELECT count(*)::int FROM contribution WHERE worker_id = $2 AND status = 'PAID') AS paid_months`,
        [winner, worker],
      );
      expect(row).toEqual({ payments: 1, paid_months: 1 });
    } finally {
      await Promise.all(apis.map((a) => a.stop()));
    }
  }, 120_000);
});
