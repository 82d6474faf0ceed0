import { Client } from "pg";
import {
  CoverageStatus,
  coverageStatus,
  coverageStatusSql,
  maskNik,
  maskNikSql,
} from "@sertakan/schema";
import { createTestDatabase } from "../../test/test-database";

// coverageStatusSql (the compiled reads and the worker filter) and coverageStatus (the
// general path) are one rule: both are asked about the same paid months, month by month
// around a year's end, including months paid ahead of asOf (which must not count).
let db: { url: string; drop: () => Promise<void> };
let client: Client;
beforeAll(async () => {
  db = await createTestDatabase();
  client = new Client({ connectionString: db.url });
  await client.connect();
  // A temporary table shadows the real one for this session only.
  await client.query(`CREATE TEMP TABLE contribution (worker_id int, month date, status text)`);
}, 60_000);
afterAll(async () => {
  await client?.end();
  await db?.drop();
});

const HISTORIES: Record<number, { paid: string[]; other?: [string, string][] }> = {
  1: { paid: [] },
  2: { paid: ["2025-12"] },
  3: { paid: ["2025-09", "2025-10"], other: [["2025-11", "DUE"]] },
  4: { paid: ["2025-06"], other: [["2025-12", "CANCELLED"]] },
  5: { paid: ["2026-03", "2026-04"] }, // paid ahead of most months asked
};
const MONTHS = [
  "2025-05",
  "2025-09",
  "2025-11",
  "2025-12",
  "2026-01",
  "2026-02",
  "2026-03",
  "2026-04",
  "2026-05",
  "2026-08",
];

it("gives the pure rule's status for every history and month", async () => {
  for (const [id, h] of Object.entries(HISTORIES)) {
    for (const m of h.paid)
      await client.query(`INSERT INTO contribution VALUES ($1, $2, 'PAID')`, [id, `${m}-01`]);
    for (const [m, status] of h.other ?? [])
      await client.query(`INSERT INTO contribution VALUES ($1, $2, $3)`, [id, `${m}-01`, status]);
  }
  const seen: string[] = [];
  for (const asOf of MONTHS) {
    const { rows } = await client.query<{ id: number; status: string }>(
      `SELECT w.id, ${coverageStatusSql("$1::date", "w")} AS status
         FROM (SELECT unnest($2::int[]) AS id) w ORDER BY w.id`,
      [`${asOf}-01`, Object.keys(HISTORIES).map(Number)],
    );
    for (const { id, status } of rows) {
      expect([id, asOf, status]).toEqual([id, asOf, coverageStatus(HISTORIES[id].paid, asOf)]);
      seen.push(status);
    }
  }
  // Every status was met, so the comparison covered the whole rule.
  expect(new Set(seen)).toEqual(new Set(Object.values(CoverageStatus)));
});

it("masks a NIK in SQL as maskNik does", async () => {
  for (const nik of ["3310014101900001", "3310125508850123", "3404010101000009"]) {
    const { rows } = await client.query<{ masked: string }>(
      `SELECT ${maskNikSql("$1::bpchar")} AS masked`,
      [nik],
    );
    expect(rows[0].masked).toBe(maskNik(nik));
  }
});
