import { Paths, ROLES, Role, asJson, startPaths } from "../../test/compare-paths";

// Donor reads (donor, donors, Donor.sponsorships, summary): compiled, each answer equal to
// the general path's, for every role and scope.
let paths: Paths;
const ids = {} as {
  /** In the officer's district, with the most sponsorships. */
  busy: string;
  /** Outside the officer's district (inside the viewer's regency). */
  elsewhere: string;
  /** Linked to a partner. */
  partnered: string;
  /** With a cancelled sponsorship. */
  cancelling: string;
};

beforeAll(async () => {
  paths = await startPaths();
  const { one } = paths;
  const bySponsorships = `ORDER BY (SELECT count(*) FROM sponsorship s WHERE s.donor_id = d.id) DESC, d.id LIMIT 1`;
  ids.busy = await one(
    `SELECT d.id FROM donor d WHERE d.region_code LIKE '33.10.02%' ${bySponsorships}`,
  );
  ids.elsewhere = await one(
    `SELECT d.id FROM donor d WHERE d.region_code NOT LIKE '33.10.02%' AND d.region_code LIKE '33.10%' ${bySponsorships}`,
  );
  ids.partnered = await one(
    `SELECT d.id FROM donor d WHERE d.partner_id IS NOT NULL ${bySponsorships}`,
  );
  ids.cancelling = await one(
    `SELECT d.id FROM donor d WHERE EXISTS (SELECT 1 FROM sponsorship s WHERE s.donor_id = d.id AND s.cancelled_at IS NOT NULL) ${bySponsorships}`,
  );
}, 180_000);
afterAll(() => paths?.close());

/** Asks both paths; the compiled one must answer, and answer the same. Returns the data. */
async function same(role: Role, query: string, variables?: Record<string, unknown>) {
  const { compiled, general, reasons } = await paths.both(role, query, variables);
  expect(reasons).toEqual([null]);
  expect(asJson(compiled)).toEqual(asJson(general));
  return general.data as Record<string, any>;
}

const DONOR = `id kind name taxId contactName phone email accountNumber createdAt __typename
  region { code name level parent { code } }`;
const SUMMARY = `summary { workersSponsored workersActive committed paid outstanding credit __typename }`;
const SPONSORSHIP = `id package declaredIncome monthlyContribution startMonth endMonth months status total paid
  cancelReason createdAt worker { id fullName nik phone birthDate } donor { id name }
  contributions { id month amount status payment { id amount paidAt reference } }`;
const PAGE = `totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }`;

const QUERIES: [string, () => string][] = [
  [
    "a page of donors with everything",
    () => `{ donors(first: 25) { ${PAGE} edges { cursor node { ${DONOR} ${SUMMARY}
      sponsorships(first: 2) { totalCount pageInfo { hasNextPage endCursor } nodes { id status total paid } } } } } }`,
  ],
  ["donors by the default page size", () => `{ donors { totalCount nodes { id name } } }`],
  [
    "donors searched, of kinds, in a region",
    () => `{ a: donors(filter: { search: " a " }, first: 10) { totalCount nodes { name kind } }
      b: donors(filter: { kind: [COMPANY, INDIVIDUAL, LOCAL_GOVERNMENT] }, first: 10) { totalCount nodes { name kind } }
      c: donors(filter: { regionCode: "33.10.02" }) { totalCount nodes { name region { code } } }
      d: donors(filter: { search: "%_\\\\", regionCode: "33" }) { totalCount nodes { id } } }`,
  ],
  [
    "one donor with its sponsorships and summary",
    () => `{ donor(id: "${ids.busy}") { ${DONOR} ${SUMMARY}
      sponsorships(first: 3) { ${PAGE} edges { cursor node { ${SPONSORSHIP} } } } } }`,
  ],
  [
    "a donor's sponsorships by status",
    () => `{ donor(id: "${ids.cancelling}") {
      all: sponsorships { totalCount nodes { id status } }
      live: sponsorships(status: [ACTIVE, PLEDGED, PLEDGED], first: 2) { ${PAGE} nodes { id status startMonth endMonth } }
      done: sponsorships(status: [COMPLETED]) { totalCount nodes { id status } }
      cancelled: sponsorships(status: [CANCELLED, COMPLETED]) { totalCount nodes { id status cancelReason total paid } }
      none: sponsorships(status: []) { totalCount } } }`,
  ],
  [
    "a donor elsewhere, a partner's donor, an unknown one, an upper-case id",
    () => `{ a: donor(id: "${ids.elsewhere}") { id name ${SUMMARY} sponsorships { totalCount nodes { id worker { village { code } } } } }
      b: donor(id: "${ids.partnered}") { id partner { id name } }
      c: donor(id: "00000000-0000-4000-8000-000000000000") { id }
      d: donor(id: "${ids.busy.toUpperCase()}") { id name } }`,
  ],
  [
    "a donor reached from a payment and a sponsorship",
    () => `{ sponsorships(first: 5) { nodes { donor { id phone email ${SUMMARY} sponsorships(first: 1) { totalCount } } } }
      payments(first: 5) { nodes { donor { id name accountNumber } } } }`,
  ],
  [
    // The general path's first pages once failed on a month parameter no condition read.
    "first pages of cancelled or pledged sponsorships only",
    () =>
      `{ donors(first: 3) { nodes { c: sponsorships(status: [CANCELLED]) { totalCount nodes { id } } p: sponsorships(status: [PLEDGED], first: 2) { totalCount nodes { id status } } } } }`,
  ],
];

describe("compiled donor reads answer as the general path", () => {
  for (const role of ROLES) {
    it.each(QUERIES)(`%s (${role})`, async (_name, query) => {
      await same(role, query());
    });

    it(`pages through donors and a donor's sponsorships (${role})`, async () => {
      const first = await same(
        role,
        `{ donors(first: 7, filter: { search: "a" }) { totalCount pageInfo { hasNextPage endCursor } nodes { id name } } }`,
      );
      const after = first.donors.pageInfo.endCursor as string;
      await same(
        role,
        `query($after: String) { donors(first: 7, after: $after, filter: { search: "a" }) { ${PAGE} nodes { id name } } }`,
        { after },
      );
      const own = await same(
        role,
        `{ donor(id: "${ids.busy}") { sponsorships(first: 2) { pageInfo { endCursor } nodes { id } } } }`,
      );
      const cursor = own.donor?.sponsorships.pageInfo.endCursor;
      if (cursor)
        await same(
          role,
          `query($after: String) { donor(id: "${ids.busy}") { sponsorships(first: 2, after: $after) { ${PAGE} nodes { ${SPONSORSHIP} } }
            s: sponsorships(status: [ACTIVE], after: $after) { ${PAGE} nodes { id status } }
            c: sponsorships(status: [CANCELLED], after: $after) { ${PAGE} nodes { id status } } empty: sponsorships(after: "") { ${PAGE} } } }`,
          { after: cursor },
        );
    });
  }
});

describe("what the compiled reads leave to the general path", () => {
  it.each([
    ["a malformed donor id", `{ donor(id: "nope") { id } }`],
    ["a bad page size", `{ donors(first: 0) { totalCount } }`],
    [
      "a bad page size under a donor",
      `{ donors(first: 2) { nodes { id sponsorships(first: 500) { totalCount } } } }`,
    ],
    ["a cursor this API did not issue", `{ donors(after: "xyz") { totalCount } }`],
    ["a malformed region code", `{ donors(filter: { regionCode: "33-10" }) { totalCount } }`],
    ["the donor's reminders", `{ donors(first: 2) { nodes { reminders { totalCount } } } }`],
  ])("%s", async (_name, query) => {
    const { compiled, general, reasons } = await paths.both("OFFICER", query);
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).not.toBeNull();
    expect(asJson(compiled)).toEqual(asJson(general));
  });
});
