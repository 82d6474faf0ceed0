import { registerWorkers } from "../../test/fixtures";
import { TestServer, startTestServer } from "../../test/test-server";

// Payments from a bank file. The clock is the test's own (20 November 2024, 10:00 WIB), so
// the months and the "not after today" rule hold on any day the suite runs.
const clock = new Date("2024-11-20T03:00:00Z");
let t: TestServer;
const donors: Record<string, string> = {};
const workers: Record<string, string[]> = {};

const IMPORT = `mutation($input: ImportBankPaymentsInput!) { importBankPayments(input: $input) {
  dryRun recorded recordedAmount ready readyAmount alreadyRecorded unmatched errors
  rows { line match outcome amount reference payerName donor { id name }
         payment { id amount reference paidAt } error { code field message } } } }`;
type Row = {
  line?: number;
  paidOn?: string;
  amount?: string;
  reference: string;
  payerName?: string;
  donorNumber?: string | null;
  donorId?: string | null;
};
const rows = (list: Row[]) =>
  list.map((r, i) => ({
    line: i + 2,
    paidOn: "2024-11-05",
    amount: "33.600",
    payerName: "",
    ...r,
  }));
const importAs = (gql: TestServer["gql"], list: Row[], dryRun = false) =>
  gql(IMPORT, { input: { rows: rows(list), dryRun } });
const send = (list: Row[], dryRun = false) => importAs(t.gql, list, dryRun);

const count = async (sql: string, params: unknown[] = []) =>
  Number((await t.server.dataSource.query(sql, params))[0].n);
const written = async () => ({
  payments: await count(`SELECT count(*) AS n FROM payment`),
  allocations: await count(`SELECT count(*) AS n FROM allocation`),
  paid: await count(`SELECT count(*) AS n FROM contribution WHERE status = 'PAID'`),
  audit: await count(`SELECT count(*) AS n FROM audit_entry`),
});
const paidMonths = (donorId: string) =>
  t.server.dataSource
    .query(
      `SELECT to_char(month, 'YYYY-MM') AS m, count(*)::int AS n FROM contribution
        WHERE donor_id = $1 AND status = 'PAID' GROUP BY month ORDER BY month`,
      [donorId],
    )
    .then((r: { m: string; n: number }[]) => r.map((x) => `${x.m}×${x.n}`));

const createDonor = async (name: string, accountNumber: string | null, regionCode = "33.10") => {
  const res = await t.gql(
    `mutation($i: DonorInput!) { createDonor(input: $i) { id accountNumber } }`,
    {
      i: { kind: "COMPANY", name, regionCode, accountNumber },
    },
  );
  expect(res.errors).toBeUndefined();
  return res.data!.createDonor.id as string;
};

beforeAll(async () => {
  t = await startTestServer({}, { now: () => clock });
  donors.tani = await createDonor("PT Rumpun Tani", "srt-0007");
  donors.pemkab = await createDonor("Pemerintah Kabupaten Klaten (APBD)", "VA8808123");
  donors.hamba = await createDonor("Hamba Allah", null);
  donors.makmur = await createDonor("Koperasi Sido Makmur", "SRT-0070");
  donors.boyolali = await createDonor("CV Boyolali Sejahtera", "SRT-0100", "33.09");
  // Two workers per donor on JKK+JKM from November 2024 for 6 months: Rp33,600 a month each.
  const ids = await registerWorkers(t, 10, { namePrefix: "Bank" });
  const boyolali = await registerWorkers(t, 2, { village: "33.09.01.2001", namePrefix: "Luar" });
  const keys = ["tani", "pemkab", "hamba", "makmur"];
  keys.forEach((k, i) => (workers[k] = ids.slice(2 * i, 2 * i + 2)));
  workers.boyolali = boyolali;
  for (const k of [...keys, "boyolali"]) {
    const res = await t.gql(
      `mutation($i: SponsorWorkersInput!) { sponsorWorkers(input: $i) { id } }`,
      {
        i: {
          donorId: donors[k],
          workerIds: workers[k],
          package: "JKK_JKM",
          startMonth: "2024-11",
          months: 6,
        },
      },
    );
    expect(res.errors).toBeUndefined();
  }
}, 120_000);
afterAll(() => t.close());

describe("donor numbers (Donor.accountNumber)", () => {
  it("are stored upper case and unique", async () => {
    const res = await t.gql(`query($id: ID!) { donor(id: $id) { accountNumber } }`, {
      id: donors.tani,
    });
    expect(res.data!.donor.accountNumber).toBe("SRT-0007");
    const dup = await t.gql(`mutation($i: DonorInput!) { createDonor(input: $i) { id } }`, {
      i: { kind: "INDIVIDUAL", name: "Peniru", regionCode: "33.10", accountNumber: "SRT-0007" },
    });
    expect(dup.errors?.[0].extensions?.code).toBe("CONFLICT");
  });

  it("are kept by an updateDonor that leaves them out", async () => {
    const res = await t.gql(
      `mutation($id: ID!, $i: DonorInput!) { updateDonor(id: $id, input: $i) { name accountNumber } }`,
      {
        id: donors.pemkab,
        i: { kind: "LOCAL_GOVERNMENT", name: "Pemkab Klaten (APBD)", regionCode: "33.10" },
      },
    );
    expect(res.data!.updateDonor).toEqual({
      name: "Pemkab Klaten (APBD)",
      accountNumber: "VA8808123",
    });
  });
});

describe("importBankPayments", () => {
  const file: Row[] = [
    { reference: "TRF-8812001", donorNumber: "va8808123", payerName: "KAS DAERAH KLATEN" },
    { reference: "SRT-0007/NOV", payerName: "RUMPUN TANI PT", amount: "Rp67.200,00" },
    { reference: "SRT-0070-2024-11", payerName: "KOP SIDO MAKMUR" },
    { reference: "TRF-8812004", payerName: "NN" },
  ];

  it("matches by number, by prefix, leaves the rest, and a dry run writes nothing", async () => {
    const before = await written();
    const res = await send(file, true);
    expect(res.errors).toBeUndefined();
    const r = res.data!.importBankPayments;
    expect(
      r.rows.map(
        (x: { line: number; match: string; outcome: string; donor: { name: string } | null }) => [
          x.line,
          x.match,
          x.outcome,
          x.donor?.name ?? null,
        ],
      ),
    ).toEqual([
      [2, "DONOR_NUMBER", "READY", "Pemkab Klaten (APBD)"],
      [3, "REFERENCE_PREFIX", "READY", "PT Rumpun Tani"],
      [4, "REFERENCE_PREFIX", "READY", "Koperasi Sido Makmur"],
      [5, "NONE", "UNMATCHED", null],
    ]);
    expect(r).toMatchObject({
      dryRun: true,
      recorded: 0,
      recordedAmount: 0,
      ready: 3,
      readyAmount: 33_600 + 67_200 + 33_600,
      unmatched: 1,
      errors: 0,
    });
    expect(await written()).toEqual(before);
  });

  it("records a file once: the same file again records nothing new and says so", async () => {
    const picked = file.map((row, i) => (i === 3 ? { ...row, donorId: donors.hamba } : row));
    const before = await written();
    const first = (await send(picked)).data!.importBankPayments;
    expect(first).toMatchObject({
      dryRun: false,
      recorded: 4,
      recordedAmount: 168_000,
      alreadyRecorded: 0,
      unmatched: 0,
      errors: 0,
    });
    expect(first.rows[3]).toMatchObject({
      match: "PICKED",
      outcome: "RECORDED",
      donor: { name: "Hamba Allah" },
    });
    expect(first.rows[1].payment).toMatchObject({
      amount: 67_200,
      reference: "SRT-0007/NOV",
      paidAt: "2024-11-04T17:00:00.000Z",
    });
    const after = await written();
    expect(after.payments - before.payments).toBe(4);
    // Rp67,200 pays two months of two workers' Rp16,800; Rp33,600 one month of both.
    expect(await paidMonths(donors.tani)).toEqual(["2024-11×2", "2024-12×2"]);
    expect(await paidMonths(donors.hamba)).toEqual(["2024-11×2"]);
    expect(after.paid - before.paid).toBe(2 + 4 + 2 + 2);
    // One recordPayment entry per payment and one importBankPayments entry per donor.
    expect(after.audit - before.audit).toBe(4 + 4);

    const again = (await send(picked)).data!.importBankPayments;
    expect(again).toMatchObject({
      recorded: 0,
      recordedAmount: 0,
      alreadyRecorded: 4,
      unmatched: 0,
      errors: 0,
    });
    expect(again.rows.map((x: { outcome: string }) => x.outcome)).toEqual(
      Array(4).fill("ALREADY_RECORDED"),
    );
    expect(again.rows.map((x: { payment: { id: string } }) => x.payment.id)).toEqual(
      first.rows.map((x: { payment: { id: string } }) => x.payment.id),
    );
    expect(await written()).toEqual(after);
  });

  it("records a file uploaded twice at the same moment once", async () => {
    const both: Row[] = [
      { reference: "VA-TWICE-1", donorNumber: "VA8808123" },
      { reference: "SRT-0070/TWICE" },
    ];
    const before = await written();
    const [a, b] = await Promise.all([send(both), send(both)]);
    const results = [a.data!.importBankPayments, b.data!.importBankPayments];
    // The two rows are two donors' payments, each locked on its own: either upload may win
    // either row (0+2 or 1+1), but every row is recorded once and found once.
    expect(results[0].recorded + results[1].recorded).toBe(2);
    expect(results[0].alreadyRecorded + results[1].alreadyRecorded).toBe(2);
    for (const r of results) expect(r.recorded + r.alreadyRecorded).toBe(2);
    expect((await written()).payments - before.payments).toBe(2);
  });

  it("refuses a known reference with another amount and records the other rows", async () => {
    const res = (
      await send([
        { reference: "SRT-0007/NOV", amount: "16800" },
        { reference: "SRT-0007/DES", amount: "33600" },
        { reference: "SRT-0007/DES", amount: "33600" },
        { reference: "SRT-0007/DES", amount: "16800" },
      ])
    ).data!.importBankPayments;
    expect(
      res.rows.map((x: { outcome: string; error: { code: string } | null }) => [
        x.outcome,
        x.error?.code ?? null,
      ]),
    ).toEqual([
      ["ERROR", "CONFLICT"],
      ["RECORDED", null],
      ["ALREADY_RECORDED", null],
      ["ERROR", "CONFLICT"],
    ]);
    expect(res.rows[0].error.message).toContain("Rp67.200");
    expect(res.rows[2].payment.id).toBe(res.rows[1].payment.id);
    expect(res).toMatchObject({
      recorded: 1,
      recordedAmount: 33_600,
      alreadyRecorded: 1,
      errors: 2,
    });
    expect(await paidMonths(donors.tani)).toEqual(["2024-11×2", "2024-12×2", "2025-01×2"]);
  });

  it("reports each bad row by its line with a code, and records the good ones", async () => {
    const before = await written();
    const res = (
      await send([
        { reference: "VA-BAD-1", donorNumber: "VA8808123", paidOn: "05/11/2024" },
        { reference: "VA-BAD-2", donorNumber: "VA8808123", paidOn: "2024-11-21" },
        { reference: "VA-BAD-3", donorNumber: "VA8808123", amount: "0" },
        { reference: "VA-BAD-4", donorNumber: "VA8808123", amount: "-33600" },
        { reference: "VA-BAD-5", donorNumber: "VA8808123", amount: "33600.50" },
        { reference: "   ", donorNumber: "VA8808123" },
        { reference: "VA-GOOD-7", donorNumber: "VA8808123", paidOn: "2024-11-20" },
        { reference: "VA-BAD-8", donorId: "bukan-id" },
      ])
    ).data!.importBankPayments;
    expect(
      res.rows.map(
        (x: { line: number; outcome: string; error: { code: string; field: string } | null }) => [
          x.line,
          x.error?.code ?? x.outcome,
          x.error?.field ?? null,
        ],
      ),
    ).toEqual([
      [2, "INVALID_DATE", "paidOn"],
      [3, "FUTURE_DATE", "paidOn"],
      [4, "AMOUNT_NOT_POSITIVE", "amount"],
      [5, "AMOUNT_NOT_POSITIVE", "amount"],
      [6, "AMOUNT_NOT_WHOLE", "amount"],
      [7, "REFERENCE_BLANK", "reference"],
      [8, "RECORDED", null],
      [9, "BAD_USER_INPUT", "donorId"],
    ]);
    expect(res).toMatchObject({ recorded: 1, errors: 7 });
    expect((await written()).payments - before.payments).toBe(1);
  });

  it("takes at most 5,000 rows", async () => {
    const res = await send(
      Array.from({ length: 5001 }, (_, i) => ({ reference: `R-${i}` })),
      true,
    );
    expect(res.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  });
});

describe("who may import", () => {
  it("a VIEWER may not", async () => {
    const viewer = await t.tokenFor("VIEWER", null);
    const res = await importAs(
      t.as(viewer),
      [{ reference: "VA-VIEW-1", donorNumber: "VA8808123" }],
      true,
    );
    expect(res.errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });

  it("an OFFICER records to donors in scope only", async () => {
    const officer = t.as(await t.tokenFor("OFFICER", "33.10"));
    const before = await written();
    const res = (
      await importAs(officer, [
        { reference: "SRT-0100/NOV", payerName: "CV BOYOLALI" },
        { reference: "TRF-BY-2", donorNumber: "SRT-0100" },
        { reference: "TRF-BY-3", donorId: donors.boyolali },
        { reference: "SRT-0070/DES" },
      ])
    ).data!.importBankPayments;
    // A donor outside the officer's scope is not there for them: no match, no pick.
    expect(
      res.rows.map((x: { match: string; outcome: string; error: { code: string } | null }) => [
        x.match,
        x.error?.code ?? x.outcome,
      ]),
    ).toEqual([
      ["NONE", "UNMATCHED"],
      ["NONE", "UNMATCHED"],
      ["NONE", "NOT_FOUND"],
      ["REFERENCE_PREFIX", "RECORDED"],
    ]);
    expect((await written()).payments - before.payments).toBe(1);
    expect(
      await count(`SELECT count(*) AS n FROM payment WHERE donor_id = $1`, [donors.boyolali]),
    ).toBe(0);
  });
});
