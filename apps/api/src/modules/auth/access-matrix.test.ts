import { Gender, buildNik } from "@sertakan/schema";
import { TestServer, startTestServer } from "../../test/test-server";

// Who may see and change what, role × scope × operation, through every path: lists, single
// lookups, nested fields and writes. Klaten (33.10) and Boyolali (33.09) each hold a worker,
// a donor with a pledge and a payment, and a partner.
type Caller = "admin" | "klatenOfficer" | "boyolaliOfficer" | "klatenViewer" | "prambananViewer";
let t: TestServer;
const tokens = {} as Record<Caller, string>;
const ids = {} as Record<string, string>;

const KLATEN_NIK = buildNik({
  districtCode: "33.10.01",
  birthDate: "1990-07-05",
  gender: Gender.FEMALE,
  serial: 1,
});
const BOYOLALI_NIK = buildNik({
  districtCode: "33.09.01",
  birthDate: "1985-01-02",
  gender: Gender.MALE,
  serial: 7,
});

beforeAll(async () => {
  t = await startTestServer();
  const month = (await t.server.services.now()).toISOString().slice(0, 7);
  for (const [key, region, village, nik, birthDate, gender] of [
    ["klaten", "33.10", "33.10.01.2001", KLATEN_NIK, "1990-07-05", "FEMALE"],
    ["boyolali", "33.09", "33.09.01.2001", BOYOLALI_NIK, "1985-01-02", "MALE"],
  ] as const) {
    const w = await t.gql(
      `mutation($i: RegisterWorkerInput!) { registerWorker(input: $i) { id } }`,
      {
        i: {
          nik,
          fullName: `Pekerja ${key}`,
          gender,
          birthDate,
          occupation: "FARMER",
          villageCode: village,
          phone: "081234567890",
        },
      },
    );
    ids[`${key}Worker`] = w.data!.registerWorker.id;
    const d = await t.gql(`mutation($i: DonorInput!) { createDonor(input: $i) { id } }`, {
      i: { kind: "INDIVIDUAL", name: `Donatur ${key}`, regionCode: region },
    });
    ids[`${key}Donor`] = d.data!.createDonor.id;
    const p = await t.gql(`mutation($i: PartnerInput!) { createPartner(input: $i) { id } }`, {
      i: { kind: "PLKK_CLINIC", name: `Klinik ${key}`, regionCode: region },
    });
    ids[`${key}Partner`] = p.data!.createPartner.id;
    const s = await t.gql(
      `mutation($i: SponsorWorkersInput!) { sponsorWorkers(input: $i) { id } }`,
      {
        i: {
          donorId: ids[`${key}Donor`],
          workerIds: [ids[`${key}Worker`]],
          package: "JKK_JKM",
          startMonth: month,
          months: 6,
        },
      },
    );
    ids[`${key}Sponsorship`] = s.data!.sponsorWorkers[0].id;
    await t.gql(`mutation($i: RecordPaymentInput!) { recordPayment(input: $i) { id } }`, {
      i: {
        donorId: ids[`${key}Donor`],
        amount: 16_800,
        reference: `REF-${key}`,
        paidAt: new Date().toISOString(),
      },
    });
  }
  for (const key of ["klaten", "boyolali"]) {
    const a = await t.gql(
      `mutation($i: ReportAccidentInput!) { reportAccident(input: $i) { id } }`,
      {
        i: {
          workerId: ids[`${key}Worker`],
          partnerId: ids[`${key}Partner`],
          occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
          place: "Pasar",
          cause: "AT_WORK",
          reporterName: "Perawat jaga",
          reporterPhone: "0272000111",
        },
      },
    );
    ids[`${key}Accident`] = a.data!.reportAccident.id;
    await t.gql(`mutation($i: PartnerInput!) { createPartner(input: $i) { id } }`, {
      i: {
        kind: "PERISAI_AGENT",
        name: `Agen ${key}`,
        regionCode: key === "klaten" ? "33.10" : "33.09",
      },
    });
  }
  tokens.admin = await t.tokenFor("ADMIN", null);
  tokens.klatenOfficer = await t.tokenFor("OFFICER", "33.10");
  tokens.boyolaliOfficer = await t.tokenFor("OFFICER", "33.09");
  tokens.klatenViewer = await t.tokenFor("VIEWER", "33.10");
  tokens.prambananViewer = await t.tokenFor("VIEWER", "33.10.01");
});
afterAll(() => t.close());

const run = (caller: Caller, query: string, variables?: Record<string, unknown>) =>
  t.as(tokens[caller])(query, variables);

describe("reads: lists count only what is in scope", () => {
  const LISTS = `{ workers { totalCount } donors { totalCount } partners { totalCount } sponsorships { totalCount } payments { totalCount } accidentReports { totalCount } }`;
  it.each<[Caller, number]>([
    ["admin", 2],
    ["klatenOfficer", 1],
    ["boyolaliOfficer", 1],
    ["klatenViewer", 1],
    ["prambananViewer", 1],
  ])("%s sees %i of each", async (caller, n) => {
    const res = await run(caller, LISTS);
    expect(res.data).toEqual({
      workers: { totalCount: n },
      donors: { totalCount: caller === "prambananViewer" ? 0 : n },
      // Each regency also has a Perisai agent.
      partners: { totalCount: caller === "prambananViewer" ? 0 : 2 * n },
      sponsorships: { totalCount: n },
      payments: { totalCount: caller === "prambananViewer" ? 0 : n },
      // A report follows its worker's scope.
      accidentReports: { totalCount: n },
    });
  });
});

describe("reads: single lookups outside the scope answer null", () => {
  const LOOKUPS = `query($w: ID!, $d: ID!, $p: ID!, $s: ID!, $a: ID!, $nik: String!) {
    worker(id: $w) { id } workerByNik(nik: $nik) { id } donor(id: $d) { id } partner(id: $p) { id } sponsorship(id: $s) { id }
    accidentReport(id: $a) { id } }`;
  it.each<[Caller, "klaten" | "boyolali", boolean]>([
    ["admin", "boyolali", true],
    ["klatenOfficer", "klaten", true],
    ["klatenOfficer", "boyolali", false],
    ["boyolaliOfficer", "klaten", false],
    ["klatenViewer", "klaten", true],
    ["klatenViewer", "boyolali", false],
  ])("%s looking up the %s records: visible %s", async (caller, key, visible) => {
    const res = await run(caller, LOOKUPS, {
      w: ids[`${key}Worker`],
      d: ids[`${key}Donor`],
      p: ids[`${key}Partner`],
      s: ids[`${key}Sponsorship`],
      a: ids[`${key}Accident`],
      nik: key === "klaten" ? KLATEN_NIK : BOYOLALI_NIK,
    });
    expect(res.errors).toBeUndefined();
    for (const value of Object.values(res.data!)) expect(value === null).toBe(!visible);
  });
});

describe("reads: nested fields follow the same scope", () => {
  it("donor.sponsorships.worker and partner.recruitedWorkers hide out-of-scope workers", async () => {
    const q = `query($d: ID!) { donor(id: $d) { sponsorships { totalCount nodes { worker { fullName } } } } }`;
    expect((await run("admin", q, { d: ids.klatenDonor })).data?.donor.sponsorships.nodes).toEqual([
      { worker: { fullName: "Pekerja klaten" } },
    ]);
    expect(
      (await run("klatenOfficer", q, { d: ids.klatenDonor })).data?.donor.sponsorships.totalCount,
    ).toBe(1);
    // The Prambanan viewer cannot see the Klaten-level donor at all.
    expect((await run("prambananViewer", q, { d: ids.klatenDonor })).data?.donor).toBeNull();
  });

  it("a VIEWER gets masked NIKs and no phone or birth date, everywhere a worker appears", async () => {
    const q = `query($s: ID!) { workers { nodes { nik phone birthDate } } sponsorship(id: $s) { worker { nik phone birthDate } } }`;
    const viewer = await run("klatenViewer", q, { s: ids.klatenSponsorship });
    const masked = {
      nik: `${KLATEN_NIK.slice(0, 4)}********${KLATEN_NIK.slice(-4)}`,
      phone: null,
      birthDate: null,
    };
    expect(viewer.data).toEqual({ workers: { nodes: [masked] }, sponsorship: { worker: masked } });
    const officer = await run("klatenOfficer", q, { s: ids.klatenSponsorship });
    expect(officer.data?.workers.nodes[0]).toEqual({
      nik: KLATEN_NIK,
      phone: "081234567890",
      birthDate: "1990-07-05",
    });
  });

  it("a VIEWER sees accident reports without the reporter's phone, and masked NIKs on them", async () => {
    const q = `query($w: ID!) { accidentReports { nodes { reporterPhone worker { nik } } }
      worker(id: $w) { accidentReports { reporterPhone } } }`;
    const viewer = await run("klatenViewer", q, { w: ids.klatenWorker });
    expect(viewer.data).toEqual({
      accidentReports: {
        nodes: [
          {
            reporterPhone: null,
            worker: { nik: `${KLATEN_NIK.slice(0, 4)}********${KLATEN_NIK.slice(-4)}` },
          },
        ],
      },
      worker: { accidentReports: [{ reporterPhone: null }] },
    });
    const officer = await run("klatenOfficer", q, { w: ids.klatenWorker });
    expect(officer.data).toEqual({
      accidentReports: { nodes: [{ reporterPhone: "0272000111", worker: { nik: KLATEN_NIK } }] },
      worker: { accidentReports: [{ reporterPhone: "0272000111" }] },
    });
  });

  const CHECK = `query($nik: String!, $date: Date!) { coverageCheck(nik: $nik, date: $date) { nik covered worker { id } } }`;
  const today = () => new Date().toISOString().slice(0, 10);
  it.each<[Caller, "klaten" | "boyolali", boolean]>([
    ["admin", "boyolali", true],
    ["klatenOfficer", "klaten", true],
    ["klatenOfficer", "boyolali", false],
    ["boyolaliOfficer", "klaten", false],
  ])(
    "coverageCheck by %s for the %s NIK: worker shown %s, NIK masked",
    async (caller, key, shown) => {
      const nik = key === "klaten" ? KLATEN_NIK : BOYOLALI_NIK;
      const res = await run(caller, CHECK, { nik, date: today() });
      expect(res.errors).toBeUndefined();
      expect(res.data!.coverageCheck.nik).toBe(`${nik.slice(0, 4)}********${nik.slice(-4)}`);
      expect(res.data!.coverageCheck.worker).toEqual(shown ? { id: ids[`${key}Worker`] } : null);
      // Outside the scope it answers as for an unknown NIK: no existence leak.
      if (!shown) expect(res.data!.coverageCheck.covered).toBe(false);
    },
  );

  it("coverageCheck is for officers and admins: a VIEWER is FORBIDDEN", async () => {
    const res = await run("klatenViewer", CHECK, { nik: KLATEN_NIK, date: today() });
    expect(res.errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });

  it("agents' fees list the agents in scope; another regency's are refused", async () => {
    const FEES = `query($m: YearMonth!, $r: ID) { agentCommissions(month: $m, regionCode: $r) { agent { name } } }`;
    const m = "2024-05";
    const names = async (caller: Caller, r?: string) =>
      (await run(caller, FEES, { m, r })).data?.agentCommissions.map(
        (c: { agent: { name: string } }) => c.agent.name,
      );
    expect(await names("admin")).toEqual(["Agen boyolali", "Agen klaten"]);
    expect(await names("klatenOfficer")).toEqual(["Agen klaten"]);
    expect(await names("klatenViewer")).toEqual(["Agen klaten"]);
    expect(await names("prambananViewer")).toEqual([]);
    expect((await run("klatenOfficer", FEES, { m, r: "33.09" })).errors?.[0].extensions?.code).toBe(
      "FORBIDDEN",
    );
  });

  it("the accident summary is refused outside the scope", async () => {
    const Q = `query($r: ID!, $m: YearMonth!) { accidentSummary(regionCode: $r, month: $m) { total { total } } }`;
    const m = new Date().toISOString().slice(0, 7);
    expect((await run("klatenOfficer", Q, { r: "33.09", m })).errors?.[0].extensions?.code).toBe(
      "FORBIDDEN",
    );
    expect((await run("admin", Q, { r: "33", m })).errors).toBeUndefined();
  });

  it("a VIEWER cannot find a worker by searching a NIK prefix beyond what the mask shows", async () => {
    const res = await run(
      "klatenViewer",
      `query($s: String!) { workers(filter: { search: $s }) { totalCount } }`,
      { s: KLATEN_NIK.slice(0, 10) },
    );
    expect(res.errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });
});

describe("writes", () => {
  const month = () => new Date().toISOString().slice(0, 7);
  const WRITES: Record<string, (key: "klaten" | "boyolali") => [string, Record<string, unknown>]> =
    {
      updateWorker: (k) => [
        `mutation($id: ID!) { updateWorker(id: $id, input: { occupation: TRADER }) { id } }`,
        { id: ids[`${k}Worker`] },
      ],
      updateDonor: (k) => [
        `mutation($id: ID!, $r: ID!) { updateDonor(id: $id, input: { kind: INDIVIDUAL, name: "Ganti", regionCode: $r }) { id } }`,
        { id: ids[`${k}Donor`], r: k === "klaten" ? "33.10" : "33.09" },
      ],
      recordEngagement: (k) => [
        `mutation($p: ID!) { recordEngagement(input: { partnerId: $p, kind: TRAINING, date: "2024-05-21" }) { id } }`,
        { p: ids[`${k}Partner`] },
      ],
      recordPayment: (k) => [
        `mutation($d: ID!, $r: String!) { recordPayment(input: { donorId: $d, amount: 16800, reference: $r, paidAt: "2024-05-21T09:00:00+07:00" }) { id } }`,
        { d: ids[`${k}Donor`], r: `W-${k}-${Math.random()}` },
      ],
      sponsorWorkers: (k) => [
        `mutation($d: ID!, $w: ID!, $m: YearMonth!) { sponsorWorkers(input: { donorId: $d, workerIds: [$w], package: JKK_JKM, startMonth: $m, months: 1 }) { id } }`,
        {
          d: ids[`${k}Donor`],
          w: ids[`${k}Worker`],
          m: `${Number(month().slice(0, 4)) + 1}${month().slice(4)}`,
        },
      ],
      reportAccident: (k) => [
        `mutation($w: ID!, $p: ID!, $at: DateTime!) { reportAccident(input: { workerId: $w, partnerId: $p, occurredAt: $at, place: "Sawah", cause: AT_WORK, reporterName: "Bidan" }) { id } }`,
        { w: ids[`${k}Worker`], p: ids[`${k}Partner`], at: new Date().toISOString() },
      ],
      cancelSponsorship: (k) => [
        `mutation($id: ID!) { cancelSponsorship(id: $id, reason: "uji akses") { id } }`,
        { id: ids[`${k}Sponsorship`] },
      ],
    };

  it.each(
    Object.keys(WRITES).flatMap((op) =>
      (["klatenViewer", "boyolaliOfficer"] as Caller[]).map((c) => [op, c] as const),
    ),
  )("%s on Klaten records by %s is FORBIDDEN and writes nothing", async (op, caller) => {
    const before = await t.server.dataSource.query(
      `SELECT (SELECT count(*) FROM audit_entry)::int AS audit`,
    );
    const [query, variables] = WRITES[op]("klaten");
    const res = await run(caller, query, variables);
    const code = res.errors?.[0].extensions?.code;
    // Boyolali's officer cannot see Klaten's records at all: NOT_FOUND is the same refusal.
    expect(caller === "boyolaliOfficer" ? ["FORBIDDEN", "NOT_FOUND"] : ["FORBIDDEN"]).toContain(
      code,
    );
    const after = await t.server.dataSource.query(
      `SELECT (SELECT count(*) FROM audit_entry)::int AS audit`,
    );
    expect(after).toEqual(before);
  });

  it.each(Object.keys(WRITES))("%s on Klaten records by Klaten's officer succeeds", async (op) => {
    const [query, variables] = WRITES[op]("klaten");
    const res = await run("klatenOfficer", query, variables);
    expect(res.errors).toBeUndefined();
  });

  it("refuses to register or move a worker into a village outside the officer's scope", async () => {
    const nik = buildNik({
      districtCode: "33.09.02",
      birthDate: "1991-03-03",
      gender: Gender.MALE,
      serial: 3,
    });
    const res = await run(
      "klatenOfficer",
      `mutation($i: RegisterWorkerInput!) { registerWorker(input: $i) { id } }`,
      {
        i: {
          nik,
          fullName: "Di Luar",
          gender: "MALE",
          birthDate: "1991-03-03",
          occupation: "FARMER",
          villageCode: "33.09.02.2002",
        },
      },
    );
    expect(res.errors?.[0].extensions).toMatchObject({
      code: "FORBIDDEN",
      fieldErrors: [{ field: "villageCode" }],
    });
    const move = await run(
      "klatenOfficer",
      `mutation($id: ID!) { updateWorker(id: $id, input: { villageCode: "33.09.01.2001" }) { id } }`,
      { id: ids.klatenWorker },
    );
    expect(move.errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });

  it("leaves users, API keys, targets and the audit log to national ADMINs", async () => {
    for (const caller of ["klatenOfficer", "klatenViewer"] as Caller[]) {
      expect((await run(caller, `{ auditLog { totalCount } }`)).errors?.[0].extensions?.code).toBe(
        "FORBIDDEN",
      );
      expect((await run(caller, `{ apiKeys { id } }`)).errors?.[0].extensions?.code).toBe(
        "FORBIDDEN",
      );
    }
    expect(
      (await run("admin", `{ auditLog { totalCount } }`)).data?.auditLog.totalCount,
    ).toBeGreaterThan(10);
  });
});
