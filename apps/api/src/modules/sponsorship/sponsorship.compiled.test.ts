import { Paths, ROLES, Role, asJson, startPaths } from "../../test/compare-paths";

// Sponsorship reads (sponsorship, sponsorships, Contribution, Worker.sponsorships): compiled,
// each answer equal to the general path's, for every role and scope.
let paths: Paths;
const ids = {} as {
  /** A sponsorship of a worker in the officer's district, partly paid. */
  near: string;
  /** A sponsorship of a worker outside the officer's district (inside the viewer's regency). */
  far: string;
  cancelled: string;
  /** A worker in the officer's district with more than one sponsorship. */
  worker: string;
  /** A donor outside the officer's district with sponsorships inside it. */
  donor: string;
};

beforeAll(async () => {
  paths = await startPaths();
  const { one } = paths;
  const paidSome = `EXISTS (SELECT 1 FROM contribution c WHERE c.sponsorship_id = s.id AND c.status = 'PAID')
    AND EXISTS (SELECT 1 FROM contribution c WHERE c.sponsorship_id = s.id AND c.status = 'DUE')`;
  ids.near = await one(
    `SELECT s.id FROM sponsorship s JOIN worker w ON w.id = s.worker_id WHERE w.district_code = '33.10.02' AND ${paidSome} ORDER BY s.id LIMIT 1`,
  );
  ids.far = await one(
    `SELECT s.id FROM sponsorship s JOIN worker w ON w.id = s.worker_id WHERE w.district_code <> '33.10.02' AND w.regency_code = '33.10' ORDER BY s.id LIMIT 1`,
  );
  ids.cancelled = await one(
    `SELECT s.id FROM sponsorship s WHERE s.cancelled_at IS NOT NULL ORDER BY s.id LIMIT 1`,
  );
  ids.worker = await one(
    `SELECT w.id FROM worker w WHERE w.district_code = '33.10.02' ORDER BY (SELECT count(*) FROM sponsorship s WHERE s.worker_id = w.id) DESC, w.id LIMIT 1`,
  );
  ids.donor = await one(
    `SELECT d.id FROM donor d WHERE d.region_code NOT LIKE '33.10.02%' AND EXISTS (SELECT 1 FROM sponsorship s JOIN worker w ON w.id = s.worker_id
       WHERE s.donor_id = d.id AND w.district_code = '33.10.02') ORDER BY d.id LIMIT 1`,
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

const SPONSORSHIP = `id package declaredIncome monthlyContribution startMonth endMonth months status total paid
  cancelReason createdAt __typename
  worker { id fullName nik phone birthDate village { code } }
  donor { id name phone email summary { committed paid outstanding credit workersActive workersSponsored } }
  contributions { id month amount status __typename payment { id amount paidAt reference allocated unallocated } }`;
const PAGE = `totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }`;

const QUERIES: [string, () => string][] = [
  [
    "a page of sponsorships with everything",
    () => `{ sponsorships(first: 40) { ${PAGE} edges { cursor node { ${SPONSORSHIP} } } } }`,
  ],
  [
    "by status",
    () => `{ p: sponsorships(filter: { status: [PLEDGED] }, first: 5) { totalCount nodes { id status paid } }
      a: sponsorships(filter: { status: [ACTIVE] }, first: 5) { totalCount nodes { id status paid total } }
      c: sponsorships(filter: { status: [COMPLETED] }, first: 5) { totalCount nodes { id status endMonth } }
      x: sponsorships(filter: { status: [CANCELLED] }, first: 5) { totalCount nodes { id status cancelReason } }
      two: sponsorships(filter: { status: [CANCELLED, PLEDGED] }, first: 5) { totalCount nodes { id status } }
      none: sponsorships(filter: { status: [] }, first: 1) { totalCount } }`,
  ],
  [
    "ending soon, renewed or not",
    () => `{ now: sponsorships(filter: { endingWithinMonths: 0 }, first: 5) { totalCount nodes { id endMonth } }
      soon: sponsorships(filter: { endingWithinMonths: 3, renewed: false }, first: 5) { totalCount nodes { id endMonth status } }
      later: sponsorships(filter: { endingWithinMonths: 24 }, first: 5) { totalCount nodes { id endMonth } }
      renewed: sponsorships(filter: { renewed: true }, first: 5) { totalCount nodes { id endMonth } }
      not: sponsorships(filter: { renewed: false, status: [ACTIVE, COMPLETED] }, first: 5) { totalCount nodes { id } } }`,
  ],
  [
    "by donor, worker and region",
    () => `{ d: sponsorships(filter: { donorId: "${ids.donor}" }) { totalCount nodes { id donor { id } worker { id } } }
      w: sponsorships(filter: { workerId: "${ids.worker}" }) { totalCount nodes { id startMonth } }
      r: sponsorships(filter: { regionCode: "33.10.02" }, first: 5) { totalCount nodes { id } }
      v: sponsorships(filter: { regionCode: "33.10.02.2001" }, first: 5) { totalCount nodes { id } }
      p: sponsorships(filter: { regionCode: "33" }, first: 5) { totalCount nodes { id } }
      u: sponsorships(filter: { regionCode: "99.99" }) { totalCount nodes { id } } }`,
  ],
  [
    "one sponsorship near, far, cancelled, unknown, upper case",
    () => `{ near: sponsorship(id: "${ids.near}") { ${SPONSORSHIP} }
      far: sponsorship(id: "${ids.far}") { id status worker { id } }
      cancelled: sponsorship(id: "${ids.cancelled}") { id status total paid cancelReason contributions { status payment { id } } }
      unknown: sponsorship(id: "00000000-0000-4000-8000-000000000000") { id }
      upper: sponsorship(id: "${ids.near.toUpperCase()}") { id } }`,
  ],
  [
    "a worker's sponsorships",
    () => `{ worker(id: "${ids.worker}") { id sponsorships { id startMonth status total paid donor { id name } contributions { month status } } }
      workers(first: 10, filter: { regionCode: "33.10.02" }) { nodes { id sponsorships { id status } } } }`,
  ],
  [
    "a sponsorship's donor and its own sponsorships",
    () => `{ sponsorships(filter: { donorId: "${ids.donor}" }, first: 3) { nodes { id donor { id name region { code }
      sponsorships(first: 2) { ${PAGE} nodes { id worker { village { code } } } } } } } }`,
  ],
];

describe("compiled sponsorship reads answer as the general path", () => {
  for (const role of ROLES) {
    it.each(QUERIES)(`%s (${role})`, async (_name, query) => {
      await same(role, query());
    });

    it(`pages through sponsorships (${role})`, async () => {
      const first = await same(
        role,
        `{ sponsorships(first: 9, filter: { status: [ACTIVE, PLEDGED] }) { ${PAGE} nodes { id createdAt } } }`,
      );
      const after = first.sponsorships.pageInfo.endCursor as string;
      const second = await same(
        role,
        `query($after: String) { sponsorships(first: 9, after: $after, filter: { status: [ACTIVE, PLEDGED] }) { ${PAGE} edges { cursor node { id status } } } }`,
        { after },
      );
      // The cursor of a page continues in the next one, including the last page.
      await same(
        role,
        `query($after: String) { sponsorships(first: 200, after: $after) { ${PAGE} nodes { id } } }`,
        { after: second.sponsorships.pageInfo.endCursor },
      );
      await same(role, `{ sponsorships(first: 1, after: "") { ${PAGE} nodes { id } } }`);
    });
  }
});

describe("what the compiled reads leave to the general path", () => {
  it.each([
    ["a malformed sponsorship id", `{ sponsorship(id: "nope") { id } }`],
    ["a malformed donor id", `{ sponsorships(filter: { donorId: "nope" }) { totalCount } }`],
    ["a malformed worker id", `{ sponsorships(filter: { workerId: "nope" }) { totalCount } }`],
    ["a malformed region code", `{ sponsorships(filter: { regionCode: "33-10" }) { totalCount } }`],
    [
      "too many months ahead",
      `{ sponsorships(filter: { endingWithinMonths: 25 }) { totalCount } }`,
    ],
    ["months behind", `{ sponsorships(filter: { endingWithinMonths: -1 }) { totalCount } }`],
    ["a bad page size", `{ sponsorships(first: 201) { totalCount } }`],
    ["a cursor of the wrong shape", `{ sponsorships(after: "WyJ4Il0") { totalCount } }`],
  ])("%s", async (_name, query) => {
    const { compiled, general, reasons } = await paths.both("OFFICER", query);
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).not.toBeNull();
    expect(asJson(compiled)).toEqual(asJson(general));
  });
});
