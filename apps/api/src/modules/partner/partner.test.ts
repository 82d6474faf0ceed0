import { Gender, buildNik } from "@sertakan/schema";
import { TestServer, startTestServer } from "../../test/test-server";

let t: TestServer;
const partnerIds: string[] = [];

const CREATE_PARTNER = `mutation($input: PartnerInput!) { createPartner(input: $input) { id name kind active region { code name } agreementStart agreementEnd } }`;

beforeAll(async () => {
  t = await startTestServer();
  // Twelve Perisai agents in Klaten's districts, each with a donor record, a training and recruits.
  for (let i = 1; i <= 12; i++) {
    const district = `33.10.${String(i).padStart(2, "0")}`;
    const res = await t.gql(CREATE_PARTNER, {
      input: {
        kind: "PERISAI_AGENT",
        name: `Agen Perisai ${String(i).padStart(2, "0")}`,
        regionCode: district,
      },
    });
    const id = res.data!.createPartner.id;
    partnerIds.push(id);
    await t.gql(`mutation($input: DonorInput!) { createDonor(input: $input) { id } }`, {
      input: { kind: "AGENT", name: `Donatur Agen ${i}`, regionCode: district, partnerId: id },
    });
    await t.gql(`mutation($input: EngagementInput!) { recordEngagement(input: $input) { id } }`, {
      input: {
        partnerId: id,
        kind: "TRAINING",
        date: "2024-05-21",
        attendees: 3 + i,
        notes: "Pelatihan agen",
      },
    });
    const rows = Array.from({ length: i }, (_, k) => {
      const birthDate = `1985-0${(k % 9) + 1}-1${i % 10}`;
      return {
        nik: buildNik({
          districtCode: district,
          birthDate,
          gender: Gender.FEMALE,
          serial: 100 + k,
        }),
        fullName: `Rekrutan ${i}-${k}`,
        gender: "FEMALE",
        birthDate,
        occupation: "HOUSEHOLD_HELPER",
        villageCode: `${district}.2001`,
        recruitedById: id,
      };
    });
    const imported = await t.gql(
      `mutation($rows: [RegisterWorkerInput!]!) { importWorkers(rows: $rows) { created errors { message } } }`,
      { rows },
    );
    expect(imported.data?.importWorkers).toEqual({ created: i, errors: [] });
  }
});
afterAll(() => t.close());

describe("partners", () => {
  it("creates a PLKK with its agreement and finds it by search and region", async () => {
    const res = await t.gql(CREATE_PARTNER, {
      input: {
        kind: "PLKK_HOSPITAL",
        name: "RSUP dr. Soeradji Tirtonegoro",
        regionCode: "33.10.20",
        agreementNumber: "PKS/PLKK/2024/001",
        agreementStart: "2024-01-01",
        agreementEnd: "2026-12-31",
      },
    });
    expect(res.data?.createPartner).toMatchObject({
      kind: "PLKK_HOSPITAL",
      active: true,
      agreementEnd: "2026-12-31",
      region: { code: "33.10.20" },
    });
    const found = await t.gql(
      `{ partners(filter: { search: "soeradji", regionCode: "33.10", kind: [PLKK_HOSPITAL] }) { totalCount nodes { name } } }`,
    );
    expect(found.data?.partners).toEqual({
      totalCount: 1,
      nodes: [{ name: "RSUP dr. Soeradji Tirtonegoro" }],
    });
  });

  it("refuses an agreement that ends before it starts, and an unknown region", async () => {
    const res = await t.gql(CREATE_PARTNER, {
      input: {
        kind: "PLKK_CLINIC",
        name: "Klinik Sehat",
        regionCode: "33.10.01",
        agreementStart: "2024-05-01",
        agreementEnd: "2024-04-30",
      },
    });
    expect(res.errors?.[0].extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      fieldErrors: [{ field: "agreementEnd" }],
    });
    const bad = await t.gql(CREATE_PARTNER, {
      input: { kind: "PLKK_CLINIC", name: "Klinik Sehat", regionCode: "33.99" },
    });
    expect(bad.errors?.[0].extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      fieldErrors: [{ field: "regionCode" }],
    });
  });

  it("updates a partner, and says NOT_FOUND for one that does not exist", async () => {
    const res = await t.gql(
      `mutation($id: ID!) { updatePartner(id: $id, input: { kind: PERISAI_AGENT, name: "Agen Perisai 01 (nonaktif)", regionCode: "33.10.01", active: false }) { name active } }`,
      { id: partnerIds[0] },
    );
    expect(res.data?.updatePartner).toEqual({ name: "Agen Perisai 01 (nonaktif)", active: false });
    const missing = await t.gql(
      `mutation { updatePartner(id: "00000000-0000-4000-8000-000000000001", input: { kind: COMMUNITY, name: "X Y", regionCode: "33" }) { id } }`,
    );
    expect(missing.errors?.[0].extensions?.code).toBe("NOT_FOUND");
  });

  it("pages recruits per partner and continues after the first page", async () => {
    const q = `query($id: ID!, $after: String) { partner(id: $id) { recruitedWorkers(first: 5, after: $after) { totalCount nodes { fullName } pageInfo { hasNextPage endCursor } } } }`;
    const first = await t.gql(q, { id: partnerIds[11] });
    const page1 = first.data!.partner.recruitedWorkers;
    expect(page1.totalCount).toBe(12);
    expect(page1.nodes).toHaveLength(5);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const second = await t.gql(q, { id: partnerIds[11], after: page1.pageInfo.endCursor });
    const names = [...page1.nodes, ...second.data!.partner.recruitedWorkers.nodes].map(
      (n: { fullName: string }) => n.fullName,
    );
    expect(new Set(names).size).toBe(10);
  });

  it("answers a list with every relation in a fixed number of statements, however many partners", async () => {
    const q = `query($first: Int) { partners(first: $first, filter: { kind: [PERISAI_AGENT] }) {
      nodes { name region { name parent { name } } donor { name partner { name } } engagements { kind partner { name } }
              recruitedWorkers(first: 3) { totalCount nodes { fullName village { name } recruitedBy { name } } } } } }`;
    let two: any;
    let twelve: any;
    const forTwo = await t.countQueries(async () => (two = await t.gql(q, { first: 2 })));
    const forTwelve = await t.countQueries(async () => (twelve = await t.gql(q, { first: 12 })));
    expect(two.errors).toBeUndefined();
    expect(twelve.data.partners.nodes).toHaveLength(12);
    expect(twelve.data.partners.nodes[11]).toMatchObject({
      name: "Agen Perisai 12",
      donor: { name: "Donatur Agen 12", partner: { name: "Agen Perisai 12" } },
      engagements: [{ kind: "TRAINING", partner: { name: "Agen Perisai 12" } }],
      recruitedWorkers: { totalCount: 12 },
    });
    expect(forTwelve).toBe(forTwo);
    expect(forTwelve).toBeLessThanOrEqual(10);
  });
});

describe("donors", () => {
  it("refuses a second donor for the same partner with CONFLICT", async () => {
    const res = await t.gql(
      `mutation($p: ID!) { createDonor(input: { kind: AGENT, name: "Duplikat", regionCode: "33.10.01", partnerId: $p }) { id } }`,
      { p: partnerIds[1] },
    );
    expect(res.errors?.[0].extensions).toMatchObject({
      code: "CONFLICT",
      fieldErrors: [{ field: "partnerId" }],
    });
  });

  it("creates, updates and filters donors of every kind", async () => {
    const created = await t.gql(
      `mutation { createDonor(input: { kind: COMPANY, name: "PT Tirta Investama Klaten", taxId: "01.234.567.8-525.000", regionCode: "33.10.12", email: "csr@example.co.id" }) { id kind region { name } } }`,
    );
    const id = created.data!.createDonor.id;
    expect(created.data?.createDonor).toMatchObject({ kind: "COMPANY", region: { name: "Pedan" } });
    const updated = await t.gql(
      `mutation($id: ID!) { updateDonor(id: $id, input: { kind: COMPANY, name: "PT Tirta Investama (CSR)", regionCode: "33.10.12" }) { name taxId } }`,
      { id },
    );
    expect(updated.data?.updateDonor).toEqual({ name: "PT Tirta Investama (CSR)", taxId: null });
    const list = await t.gql(
      `{ donors(filter: { kind: [COMPANY], regionCode: "33.10" }) { totalCount nodes { name } } }`,
    );
    expect(list.data?.donors).toEqual({
      totalCount: 1,
      nodes: [{ name: "PT Tirta Investama (CSR)" }],
    });
    const agents = await t.gql(
      `{ donors(first: 5, filter: { kind: [AGENT] }) { totalCount pageInfo { hasNextPage } } }`,
    );
    expect(agents.data?.donors).toEqual({ totalCount: 12, pageInfo: { hasNextPage: true } });
  });

  it("rejects a bad e-mail with a field error", async () => {
    const res = await t.gql(
      `mutation { createDonor(input: { kind: INDIVIDUAL, name: "Budi", regionCode: "33.10.01", email: "budi-at-example" }) { id } }`,
    );
    expect(res.errors?.[0].extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      fieldErrors: [{ field: "email" }],
    });
  });

  it("lets an officer edit a donor whose partner lies outside their scope, keeping the link", async () => {
    const outside = await t.gql(CREATE_PARTNER, {
      input: { kind: "COMPANY", name: "PT Mitra Boyolali", regionCode: "33.09.01" },
    });
    const partnerId = outside.data!.createPartner.id;
    const donor = await t.gql(
      `mutation($p: ID!) { createDonor(input: { kind: COMPANY, name: "CSR Boyolali untuk Klaten", regionCode: "33.10.01", partnerId: $p }) { id } }`,
      { p: partnerId },
    );
    const id = donor.data!.createDonor.id;
    const officer = t.as(await t.tokenFor("OFFICER", "33.10"));
    const edit = (p: string) =>
      officer(
        `mutation($id: ID!, $p: ID) { updateDonor(id: $id, input: { kind: COMPANY, name: "CSR Boyolali (Klaten)", regionCode: "33.10.01", partnerId: $p }) { name partner { id } } }`,
        { id, p },
      );
    const kept = await edit(partnerId);
    expect(kept.errors).toBeUndefined();
    expect(kept.data!.updateDonor).toEqual({
      name: "CSR Boyolali (Klaten)",
      partner: { id: partnerId },
    });
    // Choosing a partner they cannot see is still refused.
    const other = await t.gql(CREATE_PARTNER, {
      input: { kind: "COMPANY", name: "PT Mitra Sukoharjo", regionCode: "33.11.01" },
    });
    const refused = await edit(other.data!.createPartner.id);
    expect(refused.errors?.[0].extensions).toMatchObject({ fieldErrors: [{ field: "partnerId" }] });
  });
});

describe("contributionQuote", () => {
  it.each([
    ["JKK_JKM", null, 16_800],
    ["JKK_JKM_JHT", null, 36_800],
    ["JKK_JKM_JHT", 20_700_000, 627_800],
  ])("prices %s at income %s as %s a month", async (pkg, income, monthly) => {
    const res = await t.gql(
      `query($i: Rupiah) { contributionQuote(package: ${pkg}, declaredIncome: $i, months: 12, workers: 10) { monthly total } }`,
      { i: income },
    );
    expect(res.data?.contributionQuote).toEqual({ monthly, total: monthly * 12 * 10 });
  });

  it("refuses an income below the minimum with a field error", async () => {
    const res = await t.gql(
      `{ contributionQuote(package: JKK_JKM, declaredIncome: 999999) { monthly } }`,
    );
    expect(res.errors?.[0].extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      fieldErrors: [{ field: "declaredIncome" }],
    });
  });
});
