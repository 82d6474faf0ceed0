import { createDonor, registerWorkers } from "../../test/fixtures";
import { TestServer, startTestServer } from "../../test/test-server";

// renewSponsorships against the real schema and PostgreSQL. The clock is the test's own, so
// the months below hold on any day the suite runs.
let clock = new Date("2026-01-05T10:00:00+07:00");
let t: TestServer;
let donorA: string;
let donorB: string;
const w: string[] = [];
const s: Record<string, string> = {};
const names: string[] = [];

const RENEW = `mutation($i: RenewSponsorshipsInput!) { renewSponsorships(input: $i) {
  id package declaredIncome monthlyContribution startMonth endMonth months total
  donor { id } worker { id } contributions { month amount status } } }`;
const renew = (input: Record<string, unknown>, as = t.gql) =>
  as(RENEW, { i: { months: 6, ...input } });

const count = async (sql: string, params: unknown[] = []) =>
  Number((await t.server.dataSource.query(sql, params))[0].n);
const written = async () => ({
  sponsorships: await count(`SELECT count(*) AS n FROM sponsorship`),
  contributions: await count(`SELECT count(*) AS n FROM contribution`),
  requests: await count(`SELECT count(*) AS n FROM renew_request`),
  audit: await count(`SELECT count(*) AS n FROM audit_entry WHERE action = 'renewSponsorships'`),
});

async function sponsor(
  key: string,
  worker: string,
  startMonth: string,
  months: number,
  extra: Record<string, unknown> = {},
) {
  const res = await t.gql(
    `mutation($i: SponsorWorkersInput!) { sponsorWorkers(input: $i) { id } }`,
    {
      i: { donorId: donorA, workerIds: [worker], package: "JKK_JKM", startMonth, months, ...extra },
    },
  );
  expect(res.errors).toBeUndefined();
  s[key] = res.data!.sponsorWorkers[0].id;
}

beforeAll(async () => {
  t = await startTestServer({}, { now: () => clock });
  donorA = await createDonor(t, "PT Tiga Serangkai", "COMPANY");
  donorB = await createDonor(t, "Pemdes Ngawen", "LOCAL_GOVERNMENT");
  w.push(...(await registerWorkers(t, 12, { namePrefix: "Petani" })));
  const rows: { id: string; full_name: string }[] = await t.server.dataSource.query(
    `SELECT id, full_name FROM worker`,
  );
  for (const id of w) names.push(rows.find((r) => r.id === id)!.full_name);
  // Pledged in January 2026 under today's table (Rp16,800 / Rp36,800 at the minimum income).
  await sponsor("yearly", w[0], "2026-01", 12);
  await sponsor("ended", w[1], "2026-01", 8, { package: "JKK_JKM_JHT" });
  await sponsor("free", w[2], "2026-01", 12);
  await sponsor("clash", w[3], "2026-01", 12);
  await sponsor("keyed", w[4], "2026-01", 12);
  await sponsor("cancel", w[5], "2026-01", 12);
  await sponsor("scoped", w[6], "2026-01", 12);
  await sponsor("yearEnd", w[7], "2026-08", 5); // ends 2026-12
  await sponsor("lapsedA", w[8], "2026-01", 8); // ends 2026-08
  await sponsor("lapsedB", w[9], "2026-01", 9); // ends 2026-09
  await sponsor("race", w[11], "2026-01", 12);
  await sponsor("rich", w[10], "2026-01", 12, {
    package: "JKK_JKM_JHT",
    declaredIncome: 2_500_000,
  });
  // Another donor already holds February–March 2027 for the "clash" worker.
  const other = await t.gql(
    `mutation($i: SponsorWorkersInput!) { sponsorWorkers(input: $i) { id } }`,
    {
      i: {
        donorId: donorB,
        workerIds: [w[3]],
        package: "JKK_JKM",
        startMonth: "2027-02",
        months: 2,
      },
    },
  );
  expect(other.errors).toBeUndefined();
  // "yearly" was pledged at an older price (kept on the sponsorship): renewing reprices it.
  await t.server.dataSource.query(`UPDATE sponsorship SET monthly_amount = 14000 WHERE id = $1`, [
    s.yearly,
  ]);
  clock = new Date("2026-12-06T10:00:00+07:00");
}, 60_000);
afterAll(() => t.close());

describe("renewSponsorships", () => {
  it("renews from the month after the end, or from this month when that has passed, at today's price", async () => {
    const before = await written();
    const res = await renew({ sponsorshipIds: [s.yearly, s.ended], months: 6 });
    expect(res.errors).toBeUndefined();
    const [yearly, ended] = res.data!.renewSponsorships;
    // Jan–Dec 2026 JKK+JKM renewed on 2026-12-06 for 6 months: 2027-01..2027-06, Rp100,800.
    expect(yearly).toMatchObject({
      package: "JKK_JKM",
      declaredIncome: 1_000_000,
      monthlyContribution: 16_800,
      startMonth: "2027-01",
      endMonth: "2027-06",
      months: 6,
      total: 100_800,
      donor: { id: donorA },
      worker: { id: w[0] },
    });
    expect(yearly.contributions.map((c: { month: string }) => c.month)).toEqual([
      "2027-01",
      "2027-02",
      "2027-03",
      "2027-04",
      "2027-05",
      "2027-06",
    ]);
    // Ended 2026-08: the renewal starts in the current month, at Rp36,800 with JHT.
    expect(ended).toMatchObject({
      package: "JKK_JKM_JHT",
      monthlyContribution: 36_800,
      startMonth: "2026-12",
      endMonth: "2027-05",
      total: 220_800,
      worker: { id: w[1] },
    });
    expect(ended.contributions.every((c: { amount: number }) => c.amount === 36_800)).toBe(true);
    const after = await written();
    expect(after.sponsorships - before.sponsorships).toBe(2);
    expect(after.contributions - before.contributions).toBe(12);
  });

  it("keeps the declared income: Rp2,500,000 with JHT is Rp81,800 a month", async () => {
    const res = await renew({ sponsorshipIds: [s.rich], months: 1 });
    s.richRenewal = res.data?.renewSponsorships[0].id;
    expect(res.data?.renewSponsorships[0]).toMatchObject({
      declaredIncome: 2_500_000,
      monthlyContribution: 81_800,
      startMonth: "2027-01",
      total: 81_800,
    });
  });

  it("writes nothing when one of two workers is already covered by another donor", async () => {
    const before = await written();
    const res = await renew({ sponsorshipIds: [s.free, s.clash], months: 12 });
    expect(res.data).toBeNull();
    expect(res.errors?.[0].extensions).toMatchObject({ code: "MONTH_ALREADY_COVERED" });
    expect(res.errors?.[0].message).toContain(`${names[3]} (2027-02, 2027-03)`);
    expect(res.errors?.[0].message).not.toContain(names[2]);
    expect(await written()).toEqual(before);
    // The free one alone still renews.
    expect((await renew({ sponsorshipIds: [s.free], months: 12 })).errors).toBeUndefined();
  });

  it("answers a repeated idempotency key with the first call's sponsorships and writes nothing", async () => {
    const first = await renew({ sponsorshipIds: [s.keyed], idempotencyKey: "renew-2026-12" });
    expect(first.errors).toBeUndefined();
    const after = await written();
    const again = await renew({ sponsorshipIds: [s.keyed], idempotencyKey: "renew-2026-12" });
    expect(again.data!.renewSponsorships.map((x: { id: string }) => x.id)).toEqual(
      first.data!.renewSponsorships.map((x: { id: string }) => x.id),
    );
    expect(await written()).toEqual(after);
    // The key is the caller's own: another admin with the same key asks afresh (and is refused).
    const other = t.as(await t.tokenFor("ADMIN", null));
    const theirs = await renew(
      { sponsorshipIds: [s.keyed], idempotencyKey: "renew-2026-12" },
      other,
    );
    expect(theirs.errors?.[0].extensions?.code).toBe("MONTH_ALREADY_COVERED");
  });

  it("answers two racing calls with the same key alike, writing once", async () => {
    const before = await written();
    const input = { sponsorshipIds: [s.race], months: 3, idempotencyKey: "race-key" };
    const [one, two] = await Promise.all([renew(input), renew(input)]);
    expect(one.errors).toBeUndefined();
    expect(two.errors).toBeUndefined();
    expect(two.data!.renewSponsorships[0].id).toBe(one.data!.renewSponsorships[0].id);
    const after = await written();
    expect(after.sponsorships - before.sponsorships).toBe(1);
    expect(after.contributions - before.contributions).toBe(3);
    expect(after.requests - before.requests).toBe(1);
  });

  it("refuses a cancelled sponsorship, writing nothing", async () => {
    const cancel = await t.gql(
      `mutation($id: ID!) { cancelSponsorship(id: $id, reason: "pindah kerja") { id } }`,
      { id: s.cancel },
    );
    expect(cancel.errors).toBeUndefined();
    const before = await written();
    const res = await renew({ sponsorshipIds: [s.free, s.cancel] });
    expect(res.errors?.[0].extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      fieldErrors: [expect.objectContaining({ field: "sponsorshipIds" })],
    });
    expect(res.errors?.[0].message).toContain(s.cancel);
    expect(await written()).toEqual(before);
  });

  it.each([
    ["an empty list", { sponsorshipIds: [] }, "BAD_USER_INPUT"],
    ["an unknown id", { sponsorshipIds: ["00000000-0000-4000-8000-000000000000"] }, "NOT_FOUND"],
    ["a malformed id", { sponsorshipIds: ["nope"] }, "BAD_USER_INPUT"],
  ])("refuses %s", async (_, input, code) => {
    const before = await written();
    const res = await renew(input);
    expect(res.errors?.[0].extensions?.code).toBe(code);
    expect(await written()).toEqual(before);
  });

  it("refuses a repeated id and 25 months, naming the field", async () => {
    const twice = await renew({ sponsorshipIds: [s.scoped, s.scoped] });
    expect(twice.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    const long = await renew({ sponsorshipIds: [s.scoped], months: 25 });
    expect(long.errors?.[0].extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      fieldErrors: [expect.objectContaining({ field: "months" })],
    });
  });

  it("is FORBIDDEN to a VIEWER and NOT_FOUND outside an OFFICER's scope; an OFFICER in scope renews", async () => {
    const before = await written();
    const viewer = t.as(await t.tokenFor("VIEWER", null));
    expect((await renew({ sponsorshipIds: [s.scoped] }, viewer)).errors?.[0].extensions?.code).toBe(
      "FORBIDDEN",
    );
    const boyolali = t.as(await t.tokenFor("OFFICER", "33.09"));
    const out = await renew({ sponsorshipIds: [s.scoped] }, boyolali);
    expect(out.errors?.[0].extensions?.code).toBe("NOT_FOUND");
    expect(out.errors?.[0].message).toContain(s.scoped);
    expect(await written()).toEqual(before);
    const klaten = t.as(await t.tokenFor("OFFICER", "33.10"));
    const ok = await renew({ sponsorshipIds: [s.scoped], months: 3 }, klaten);
    expect(ok.data?.renewSponsorships[0]).toMatchObject({
      startMonth: "2027-01",
      endMonth: "2027-03",
    });
  });

  it("writes one audit entry per donor naming what was renewed", async () => {
    const res = await renew({ sponsorshipIds: [s.yearEnd], months: 2 });
    const created = res.data!.renewSponsorships[0].id;
    const entries = await t.server.dataSource.query(
      `SELECT actor, entity, entity_id, changes FROM audit_entry
        WHERE action = 'renewSponsorships' AND changes->'renewed' @> $1::jsonb`,
      [JSON.stringify([s.yearEnd])],
    );
    expect(entries).toHaveLength(1);
    const [entry] = entries;
    expect(entry).toMatchObject({
      actor: "admin@test.local",
      entity: "donor",
      entity_id: donorA,
      changes: {
        renewed: [s.yearEnd],
        sponsorships: [created],
        months: 2,
        monthly: [16_800],
        total: 33_600,
      },
    });
  });

  it("counts months in Asia/Jakarta on the last and first minutes of a year", async () => {
    // 23:30 WIB on 31 December: still December, so an old sponsorship restarts in 2026-12.
    clock = new Date("2026-12-31T23:30:00+07:00");
    const dec = await renew({ sponsorshipIds: [s.lapsedA], months: 1 });
    s.lapsedARenewal = dec.data?.renewSponsorships[0].id;
    expect(dec.data?.renewSponsorships[0]).toMatchObject({
      startMonth: "2026-12",
      endMonth: "2026-12",
    });
    // 00:10 WIB on 1 January is 17:10 UTC on 31 December: Jakarta's month, 2027-01, decides.
    clock = new Date("2027-01-01T00:10:00+07:00");
    const jan = await renew({ sponsorshipIds: [s.lapsedB], months: 1 });
    s.lapsedBRenewal = jan.data?.renewSponsorships[0].id;
    expect(jan.data?.renewSponsorships[0]).toMatchObject({
      startMonth: "2027-01",
      endMonth: "2027-01",
    });
    clock = new Date("2026-12-06T10:00:00+07:00");
  });
});

describe("sponsorships(filter: { endingWithinMonths, renewed })", () => {
  it("lists the ACTIVE ones ending this month or next that nobody has renewed yet", async () => {
    // Pay every month the donor pledged, so its running sponsorships are ACTIVE.
    const pay = await t.gql(
      `mutation($i: RecordPaymentInput!) { recordPayment(input: $i) { id } }`,
      {
        i: {
          donorId: donorA,
          amount: 20_000_000,
          reference: "BCA-2026",
          paidAt: clock.toISOString(),
        },
      },
    );
    expect(pay.errors).toBeUndefined();
    const list = async (renewed: boolean | null) => {
      const res = await t.gql(
        `query($f: SponsorshipFilter) { sponsorships(filter: $f, first: 100) { nodes { id status } } }`,
        { f: { status: ["ACTIVE"], endingWithinMonths: 1, renewed, donorId: donorA } },
      );
      expect(res.errors).toBeUndefined();
      return res.data!.sponsorships.nodes.map((n: { id: string }) => n.id).sort();
    };
    // Ending 2026-12 or 2027-01 and not renewed: "clash" (refused above) and the one-month
    // renewals made above; "cancel" is CANCELLED, so not ACTIVE. The others were renewed.
    expect(await list(false)).toEqual(
      [s.clash, s.lapsedARenewal, s.lapsedBRenewal, s.richRenewal].sort(),
    );
    expect(await list(true)).toEqual(
      [s.yearly, s.free, s.keyed, s.race, s.scoped, s.yearEnd, s.rich].sort(),
    );
  });
});
