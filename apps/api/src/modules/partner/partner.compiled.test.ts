import { CATALOG } from "../../compiled-reads";
import { CompiledReads, NOT_COMPILED } from "../../compiled-reads/reads";
import { Paths, ROLES, Role, asJson, startPaths } from "../../test/compare-paths";

// Partner and engagement reads: compiled, each answer equals the general path's.
let paths: Paths;
let ids: {
  recruiter: string;
  outOfOfficerScope: string;
  withDonor: string;
  withEngagements: string;
  lonelyRecruiter: string;
};
beforeAll(async () => {
  paths = await startPaths();
  const { one } = paths;
  ids = {
    // The demo has no partner in the officer's district (33.10.02): the officer sees none.
    // The partner with the most recruits inside that district: several pages for everyone.
    recruiter: await one(
      `SELECT w.recruited_by_id AS id FROM worker w WHERE w.district_code = '33.10.02' AND w.recruited_by_id IS NOT NULL
        GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
    ),
    outOfOfficerScope: await one(
      `SELECT id FROM partner WHERE region_code NOT LIKE '33.10.02%' ORDER BY id LIMIT 1`,
    ),
    withDonor: await one(
      `SELECT coalesce((SELECT partner_id FROM donor WHERE partner_id IS NOT NULL ORDER BY 1 LIMIT 1),
                       (SELECT id FROM partner ORDER BY id LIMIT 1)) AS id`,
    ),
    withEngagements: await one(
      `SELECT partner_id AS id FROM engagement GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
    ),
    // A partner whose recruits are exactly one page of 1 (hasNextPage from the count: false).
    lonelyRecruiter: await one(
      `SELECT recruited_by_id AS id FROM worker WHERE recruited_by_id IS NOT NULL GROUP BY 1 ORDER BY count(*), 1 LIMIT 1`,
    ),
  };
}, 180_000);
afterAll(() => paths?.close());

const WORKER = `id nik fullName birthDate phone createdAt recruitedBy { id name } village { code name }`;
const PARTNER = `id kind name address phone email agreementNumber agreementStart agreementEnd active createdAt __typename
  region { code name level parent { code } }
  engagements { id kind date notes attendees __typename partner { id name } }`;
const RECRUITS = (args: string) => `recruitedWorkers(${args}) { totalCount __typename
  pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  edges { cursor node { ${WORKER} } } nodes { id } }`;

type Case = [name: string, query: string, variables?: () => Record<string, unknown>];
const CASES: Case[] = [
  [
    "a partner page with everything",
    `{ partners(first: 6) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
       edges { cursor node { ${PARTNER} ${RECRUITS("first: 2")} } } } }`,
  ],
  [
    "the default page size",
    `{ partners { totalCount nodes { id name } pageInfo { hasNextPage endCursor } } }`,
  ],
  ["a count alone", `{ partners { totalCount } t: partners(first: 1) { __typename } }`],
  [
    "filtered by kind and active",
    `{ partners(first: 50, filter: { kind: [PLKK_PUSKESMAS, PLKK_CLINIC], active: true }) { totalCount nodes { id name kind active } } }`,
  ],
  [
    "filtered by region and search",
    `{ a: partners(filter: { regionCode: "33.10.02", search: " a " }) { totalCount nodes { id name region { code } } }
       b: partners(filter: { regionCode: "33.10", active: false }) { totalCount nodes { name } }
       c: partners(filter: { search: "%" }) { totalCount } d: partners(filter: { kind: [] }) { totalCount } }`,
  ],
  [
    "one partner, its recruits newest first",
    `query ($id: ID!) { partner(id: $id) { ${PARTNER} ${RECRUITS("first: 3")} all: recruitedWorkers { totalCount nodes { id } } } }`,
    () => ({ id: ids.recruiter }),
  ],
  [
    "a partner with exactly one recruit",
    `query ($id: ID!) { partner(id: $id) { ${RECRUITS("first: 1")} } }`,
    () => ({ id: ids.lonelyRecruiter }),
  ],
  [
    "a partner outside the officer's district",
    `query ($id: ID!) { partner(id: $id) { id name } }`,
    () => ({ id: ids.outOfOfficerScope }),
  ],
  [
    "an uppercase id",
    `query ($id: ID!) { partner(id: $id) { id } }`,
    () => ({ id: ids.recruiter.toUpperCase() }),
  ],
  [
    "unknown and malformed ids answer null",
    `{ a: partner(id: "00000000-0000-4000-8000-000000000000") { id } b: partner(id: "not-an-id") { id name }
       c: partner(id: "nope") { recruitedWorkers(first: 3) { totalCount nodes { coverageStatus(asOf: "2026-01") } } } }`,
  ],
  [
    "engagements, date descending then id ascending",
    `query ($id: ID!) { partner(id: $id) { engagements { id date kind partner { id engagements { id } } } } }`,
    () => ({ id: ids.withEngagements }),
  ],
  [
    "fragments and aliases",
    `query ($id: ID!) { partner(id: $id) { ...P x: name } } fragment P on Partner { name id region { name } }`,
    () => ({ id: ids.recruiter }),
  ],
];

async function compare(role: Role, query: string, variables?: Record<string, unknown>) {
  const { compiled, general, reasons } = await paths.both(role, query, variables);
  expect(asJson(compiled)).toEqual(asJson(general));
  return { general: general as { data: any; errors?: unknown }, reasons };
}

describe("compiled partner reads answer as the general path", () => {
  for (const role of ROLES) {
    // One argument per case: jest would take a missing third element for a `done` callback.
    it.each(CASES.map(([name, ...rest]) => [name, rest] as const))(
      `%s (${role})`,
      async (_name, [query, variables]) => {
        const { reasons } = await compare(role, query, variables?.());
        expect(reasons).toEqual([null]);
      },
    );

    // `me` is not compiled: the edge leaves the document to Apollo, which still reads the
    // partners compiled (marked objects), and the answers must agree all the same.
    it(`beside a field that does not compile (${role})`, async () => {
      const field = jest.spyOn(CompiledReads.prototype, "field");
      await compare(
        role,
        `query ($id: ID!) { me { email } partner(id: $id) { ${PARTNER} ${RECRUITS("first: 2")} } partners(first: 3) { nodes { name donor { id } } } }`,
        { id: ids.recruiter },
      );
      const values = await Promise.all(field.mock.results.map((r) => r.value));
      field.mockRestore();
      expect(values.length).toBe(2);
      for (const value of values) expect(value).not.toBe(NOT_COMPILED);
    });

    it(`second pages of partners and of recruits (${role})`, async () => {
      const first = await compare(
        role,
        `{ partners(first: 4) { pageInfo { endCursor } nodes { id } } }`,
      );
      const after = first.general.data.partners.pageInfo.endCursor;
      const next = await compare(
        role,
        `query ($after: String) { partners(first: 4, after: $after) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } nodes { id name } } }`,
        { after },
      );
      expect(next.reasons).toEqual([null]);

      const page = await compare(
        role,
        `query ($id: ID!) { partner(id: $id) { recruitedWorkers(first: 2) { pageInfo { endCursor } } } }`,
        { id: ids.recruiter },
      );
      const cursor = page.general.data.partner?.recruitedWorkers.pageInfo.endCursor ?? null;
      const second = await compare(
        role,
        `query ($id: ID!, $after: String) { partner(id: $id) { ${RECRUITS("first: 2, after: $after")} } }`,
        { id: ids.recruiter, after: cursor },
      );
      expect(second.reasons).toEqual([null]);
      // An empty cursor is the first page; a cursor past the end is an empty page.
      const empty = await compare(
        role,
        `query ($id: ID!) { partner(id: $id) { a: recruitedWorkers(first: 2, after: "") { pageInfo { hasPreviousPage } nodes { id } }
           b: recruitedWorkers(after: "WyIxOTAwLTAxLTAxVDAwOjAwOjAwLjAwMFoiLCIwMDAwMDAwMC0wMDAwLTAwMDAtMDAwMC0wMDAwMDAwMDAwMDAiXQ") { totalCount pageInfo { hasNextPage hasPreviousPage startCursor } nodes { id } } } }`,
        { id: ids.recruiter },
      );
      expect(empty.reasons).toEqual([null]);
    });

    it(`a partner's donor (${role})`, async () => {
      const { reasons } = await compare(
        role,
        `query ($id: ID!) { partner(id: $id) { name donor { id name } } partners(first: 3) { nodes { donor { id } } } }`,
        { id: ids.withDonor },
      );
      // Donor is another module's declaration: until it is in the catalog, the general way.
      if ("Donor" in CATALOG.types) expect(reasons).toEqual([null]);
      else expect(reasons[0]).toMatch(/Donor/);
    });

    it(`errors are the general path's (${role})`, async () => {
      for (const query of [
        `{ partners(first: 0) { totalCount } }`,
        `{ partners(after: "bm9wZQ") { totalCount } }`,
        `{ partners(filter: { regionCode: "33-10" }) { totalCount } }`,
      ]) {
        const { general, reasons } = await compare(role, query);
        expect(general.errors).toBeDefined();
        expect(reasons).not.toEqual([null]);
      }
      // Refused at compile time, even where the officer's empty list would raise nothing.
      const tooMany = await compare(
        role,
        `{ partners(first: 2) { nodes { recruitedWorkers(first: 500) { totalCount } } } }`,
      );
      expect(tooMany.reasons).not.toEqual([null]);
      // A cursor value PostgreSQL cannot cast: the statement fails, the general path answers.
      const cast = await compare(
        role,
        `{ partners(after: "WyJhIiwibm90LWEtdXVpZCJd") { nodes { id } } }`,
      );
      expect(cast.general.errors).toBeDefined();
      const nested = await compare(
        role,
        `query ($id: ID!) { partner(id: $id) { id recruitedWorkers(after: "bm9wZQ") { totalCount } } }`,
        { id: ids.recruiter },
      );
      // The officer cannot see this partner: null, and no error, but refused all the same.
      expect(nested.reasons).not.toEqual([null]);
      if (role !== "OFFICER") expect(nested.general.errors).toBeDefined();
    });
  }
});
