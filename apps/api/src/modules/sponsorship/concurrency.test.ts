import { currentYearMonth } from "@sertakan/schema";
import { ApiProcess, startApiProcess } from "../../test/api-process";
import { createDonor, registerWorkers } from "../../test/fixtures";
import { TEST_ADMIN, TestServer, startTestServer } from "../../test/test-server";

// Money and cover under races: two API processes share one database, requests alternate
// between them and are fired all at once.
let t: TestServer;
let apis: ApiProcess[];
const month = currentYearMonth();
const count = async (sql: string, params: unknown[] = []) =>
  Number((await t.server.dataSource.query(sql, params))[0].n);
const api = (i: number) => apis[i % apis.length];

beforeAll(async () => {
  t = await startTestServer();
  const url = (t.server.dataSource.options as { url: string }).url;
  apis = await Promise.all([startApiProcess(url, TEST_ADMIN), startApiProcess(url, TEST_ADMIN)]);
}, 90_000);
afterAll(async () => {
  await Promise.all(apis?.map((a) => a.stop()) ?? []);
  await t.close();
});

const SPONSOR = `mutation($input: SponsorWorkersInput!) { sponsorWorkers(input: $input) { id } }`;
const PAY = `mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { id } }`;

it("lets exactly one of 20 simultaneous pledges of the same worker-month win", async () => {
  const [worker] = await registerWorkers(t, 1, { namePrefix: "Rebutan" });
  const donors = await Promise.all(
    Array.from({ length: 20 }, (_, i) => createDonor(t, `Donatur Serentak ${i}`)),
  );
  const answers = await Promise.all(
    donors.map((donorId, i) =>
      api(i).gql(SPONSOR, {
        input: { donorId, workerIds: [worker], package: "JKK_JKM", startMonth: month, months: 1 },
      }),
    ),
  );
  const won = answers.filter((a) => a.data?.sponsorWorkers);
  const codes = answers.filter((a) => a.errors).map((a) => a.errors[0].extensions.code);
  expect(won).toHaveLength(1);
  expect(codes).toEqual(Array(19).fill("MONTH_ALREADY_COVERED"));
  expect(
    await count(
      `SELECT count(*) AS n FROM contribution WHERE worker_id = $1 AND status <> 'CANCELLED'`,
      [worker],
    ),
  ).toBe(1);
  expect(await count(`SELECT count(*) AS n FROM sponsorship WHERE worker_id = $1`, [worker])).toBe(
    1,
  );
});

it("records one payment for 20 simultaneous calls with one reference", async () => {
  const donorId = await createDonor(t, "Donatur Ulang");
  const answers = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      api(i).gql(PAY, {
        input: {
          donorId,
          amount: 168_000,
          reference: "BRI-20240521-001",
          paidAt: new Date().toISOString(),
        },
      }),
    ),
  );
  expect(answers.filter((a) => a.errors)).toEqual([]);
  expect(new Set(answers.map((a) => a.data.recordPayment.id)).size).toBe(1);
  expect(await count(`SELECT count(*) AS n FROM payment WHERE donor_id = $1`, [donorId])).toBe(1);
});

it("never pays a month twice under 10 simultaneous payments, and every rupiah is accounted for", async () => {
  const donorId = await createDonor(t, "Donatur Ramai", "COMPANY");
  const workers = await registerWorkers(t, 20, { village: "33.10.02.2001", namePrefix: "Ramai" });
  const pledged = await t.gql(SPONSOR, {
    input: { donorId, workerIds: workers, package: "JKK_JKM", startMonth: month, months: 12 },
  });
  expect(pledged.errors).toBeUndefined();
  // 10 payments of odd sizes, so months straddle payments and credit is left over.
  const amounts = Array.from({ length: 10 }, (_, i) => 250_000 + i * 12_345);
  const answers = await Promise.all(
    amounts.map((amount, i) =>
      api(i).gql(PAY, {
        input: { donorId, amount, reference: `MANDIRI-${i}`, paidAt: new Date().toISOString() },
      }),
    ),
  );
  expect(answers.filter((a) => a.errors)).toEqual([]);
  const received = amounts.reduce((a, b) => a + b, 0);
  const [row] = await t.server.dataSource.query(
    `SELECT (SELECT coalesce(sum(a.amount), 0) FROM allocation a JOIN payment p ON p.id = a.payment_id WHERE p.donor_id = $1) AS allocated,
            (SELECT coalesce(sum(amount), 0) FROM contribution WHERE donor_id = $1 AND status = 'PAID') AS paid_months_value,
            (SELECT count(*) FROM contribution c WHERE c.donor_id = $1 AND c.status = 'PAID'
                AND c.amount <> (SELECT sum(amount) FROM allocation WHERE contribution_id = c.id)) AS misallocated,
            (SELECT count(*) FROM allocation a JOIN contribution c ON c.id = a.contribution_id WHERE c.donor_id = $1 AND c.status <> 'PAID') AS stray`,
    [donorId],
  );
  const summary = await t.gql(`query($id: ID!) { donor(id: $id) { summary { paid credit } } }`, {
    id: donorId,
  });
  expect(Number(row.misallocated)).toBe(0);
  expect(Number(row.stray)).toBe(0);
  expect(Number(row.allocated)).toBe(Number(row.paid_months_value));
  // Whole months only: what is left is less than one month, and nothing is lost or made up.
  expect(summary.data!.donor.summary.paid + summary.data!.donor.summary.credit).toBe(received);
  expect(summary.data!.donor.summary.credit).toBeLessThan(16_800);
  expect(summary.data!.donor.summary.paid).toBe(Math.floor(received / 16_800) * 16_800);
});
