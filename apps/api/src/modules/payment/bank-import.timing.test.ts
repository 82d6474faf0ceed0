import { registerWorkers } from "../../test/fixtures";
import { TestServer, startTestServer } from "../../test/test-server";
import { ALLOCATE_SQL } from "./payment.service";

// The closing note's measurement, not part of `npm test`:
//   cd apps/api && BANK_IMPORT_TIMING=1 npx jest src/modules/payment/bank-import.timing
// A 5,000-row bank file (1,000 donors × 5 transfers of Rp16,800, each paying one month)
// through importBankPayments over HTTP, beside the same rows as plain SQL on a second donor
// set: (a) per donor one multi-row INSERT and the allocation statement recordPayment runs,
// (b) the 5,000 INSERT statements alone, one by one. Medians of 3 runs; each run has fresh
// references, so every run records 5,000 new payments.
const DONORS = 1000;
const PER_DONOR = 5;
const RUNS = 3;
const clock = new Date("2024-11-20T03:00:00Z");
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const timing = process.env.BANK_IMPORT_TIMING ? describe : describe.skip;
let t: TestServer;

timing("a 5,000-row bank file", () => {
  const sets: Record<"api" | "sql", { id: string; number: string }[]> = { api: [], sql: [] };

  beforeAll(async () => {
    t = await startTestServer({}, { now: () => clock });
    const workers = await registerWorkers(t, 2 * DONORS, { namePrefix: "Bench" });
    for (const [s, side] of (["api", "sql"] as const).entries()) {
      for (let i = 0; i < DONORS; i += 20) {
        await Promise.all(
          Array.from({ length: 20 }, async (_, j) => {
            const n = i + j;
            const number = `${side.toUpperCase()}-${String(n).padStart(4, "0")}`;
            const d = await t.gql(`mutation($i: DonorInput!) { createDonor(input: $i) { id } }`, {
              i: {
                kind: "INDIVIDUAL",
                name: `Donatur ${number}`,
                regionCode: "33.10",
                accountNumber: number,
              },
            });
            const id = d.data!.createDonor.id as string;
            const sp = await t.gql(
              `mutation($i: SponsorWorkersInput!) { sponsorWorkers(input: $i) { id } }`,
              {
                i: {
                  donorId: id,
                  workerIds: [workers[s * DONORS + n]],
                  package: "JKK_JKM",
                  startMonth: "2024-11",
                  months: 24,
                },
              },
            );
            if (sp.errors) throw new Error(JSON.stringify(sp.errors));
            sets[side][n] = { id, number };
          }),
        );
      }
    }
  }, 600_000);
  afterAll(() => t?.close());

  it("times the API beside plain SQL", async () => {
    const times = {
      dryRun: [] as number[],
      api: [] as number[],
      sqlAllocate: [] as number[],
      sqlInserts: [] as number[],
    };
    for (let run = 0; run < RUNS; run++) {
      const rows = sets.api.flatMap((d, n) =>
        Array.from({ length: PER_DONOR }, (_, k) => ({
          line: n * PER_DONOR + k + 2,
          paidOn: "2024-11-05",
          amount: "16.800",
          reference: `${d.number}/R${run}-${k}`,
          payerName: `DONATUR ${d.number}`,
        })),
      );
      let start = performance.now();
      const dry = await t.gql(
        `mutation($i: ImportBankPaymentsInput!) { importBankPayments(input: $i) { ready } }`,
        { i: { rows, dryRun: true } },
      );
      times.dryRun.push(performance.now() - start);
      expect(dry.data!.importBankPayments.ready).toBe(5000);
      start = performance.now();
      const res = await t.gql(
        `mutation($i: ImportBankPaymentsInput!) { importBankPayments(input: $i) { recorded errors unmatched } }`,
        { i: { rows } },
      );
      times.api.push(performance.now() - start);
      expect(res.data!.importBankPayments).toEqual({ recorded: 5000, errors: 0, unmatched: 0 });

      const db = t.server.dataSource;
      const paidAt = new Date("2024-11-05T00:00:00+07:00");
      start = performance.now();
      for (const d of sets.sql) {
        await db.transaction(async (m) => {
          await m.query(
            `INSERT INTO payment (donor_id, amount, paid_at, reference)
             SELECT $1, 16800, $2, r FROM unnest($3::text[]) AS r`,
            [d.id, paidAt, Array.from({ length: PER_DONOR }, (_, k) => `${d.number}/A${run}-${k}`)],
          );
          await m.query(ALLOCATE_SQL, [d.id, null]);
        });
      }
      times.sqlAllocate.push(performance.now() - start);

      start = performance.now();
      await db.transaction(async (m) => {
        for (const d of sets.sql)
          for (let k = 0; k < PER_DONOR; k++)
            await m.query(
              `INSERT INTO payment (donor_id, amount, paid_at, reference) VALUES ($1, 16800, $2, $3)`,
              [d.id, paidAt, `${d.number}/I${run}-${k}`],
            );
      });
      times.sqlInserts.push(performance.now() - start);
      // Unspent money would pay the next run's months: take it back (not timed).
      await db.query(`DELETE FROM payment WHERE reference LIKE $1`, [`%/I${run}-%`]);
    }
    const paid = await t.server.dataSource.query(
      `SELECT count(*)::int AS n FROM contribution c JOIN donor d ON d.id = c.donor_id
        WHERE c.status = 'PAID' AND d.account_number LIKE 'API-%'`,
    );
    expect(paid[0].n).toBe(RUNS * DONORS * PER_DONOR);
    const fmt = (xs: number[]) =>
      `median ${Math.round(median(xs))} ms (runs: ${xs.map((x) => Math.round(x)).join(", ")})`;
    console.log(
      [
        `importBankPayments dry run, 5,000 rows over HTTP:     ${fmt(times.dryRun)}`,
        `importBankPayments, 5,000 rows over HTTP:             ${fmt(times.api)}`,
        `plain SQL, per donor INSERT + allocation statement:  ${fmt(times.sqlAllocate)}`,
        `plain SQL, 5,000 INSERT statements alone:            ${fmt(times.sqlInserts)}`,
      ].join("\n"),
    );
  }, 600_000);
});
