import { Paths, ROLES, Role, asJson, startPaths } from "../../test/compare-paths";

// Payment reads (payments, Payment, Contribution.payment): compiled, each answer equal to the
// general path's, for every role and scope.
let paths: Paths;
const ids = {} as {
  /** A donor in the officer's district with the most payments. */
  near: string;
  /** A donor outside the officer's district with payments. */
  far: string;
  /** A day (Asia/Jakarta) with payments. */
  day: string;
};

beforeAll(async () => {
  paths = await startPaths();
  const { one } = paths;
  const byPayments = `ORDER BY (SELECT count(*) FROM payment p WHERE p.donor_id = d.id) DESC, d.id LIMIT 1`;
  ids.near = await one(
    `SELECT d.id FROM donor d WHERE d.region_code LIKE '33.10.02%' ${byPayments}`,
  );
  ids.far = await one(
    `SELECT d.id FROM donor d WHERE d.region_code NOT LIKE '33.10.02%' AND d.region_code LIKE '33.10%' ${byPayments}`,
  );
  ids.day = await one(
    `SELECT to_char(paid_at AT TIME ZONE 'Asia/Jakarta', 'YYYY-MM-DD') AS id FROM payment GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
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

const PAYMENT = `id amount paidAt reference allocated unallocated __typename
  donor { id name region { code } summary { credit paid } }
  contributions { id month amount status payment { id reference } }`;
const PAGE = `totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }`;

const QUERIES: [string, () => string][] = [
  [
    "a page of payments with everything",
    () => `{ payments(first: 40) { ${PAGE} edges { cursor node { ${PAYMENT} } } } }`,
  ],
  ["payments by the default page size", () => `{ payments { totalCount nodes { id paidAt } } }`],
  [
    "a donor's payments, near and far",
    () => `{ near: payments(filter: { donorId: "${ids.near}" }) { ${PAGE} nodes { ${PAYMENT} } }
      far: payments(filter: { donorId: "${ids.far}" }) { totalCount nodes { id amount } }
      none: payments(filter: { donorId: "00000000-0000-4000-8000-000000000000" }) { ${PAGE} nodes { id } } }`,
  ],
  [
    "payments of Jakarta days",
    () => `{ day: payments(filter: { from: "${ids.day}", to: "${ids.day}" }) { totalCount nodes { id paidAt } }
      since: payments(filter: { from: "${ids.day}" }, first: 5) { totalCount nodes { id paidAt } }
      until: payments(filter: { to: "${ids.day}" }, first: 5) { totalCount nodes { id paidAt } }
      backwards: payments(filter: { from: "2026-02-01", to: "2026-01-01" }) { ${PAGE} } }`,
  ],
  [
    "the payment that paid a sponsorship's months",
    () => `{ sponsorships(first: 20, filter: { donorId: "${ids.near}" }) { nodes { id contributions { month status
      payment { ${PAYMENT} } } } } }`,
  ],
];

describe("compiled payment reads answer as the general path", () => {
  for (const role of ROLES) {
    it.each(QUERIES)(`%s (${role})`, async (_name, query) => {
      await same(role, query());
    });

    it(`pages through payments (${role})`, async () => {
      const first = await same(role, `{ payments(first: 11) { ${PAGE} nodes { id paidAt } } }`);
      const after = first.payments.pageInfo.endCursor as string;
      const second = await same(
        role,
        `query($after: String) { payments(first: 11, after: $after) { ${PAGE} edges { cursor node { id paidAt amount } } } }`,
        { after },
      );
      await same(
        role,
        `query($after: String, $donor: ID) { payments(first: 200, after: $after, filter: { donorId: $donor }) { ${PAGE} nodes { id } } }`,
        { after: second.payments.pageInfo.endCursor, donor: ids.near },
      );
    });
  }
});

describe("what the compiled reads leave to the general path", () => {
  it.each([
    ["a malformed donor id", `{ payments(filter: { donorId: "nope" }) { totalCount } }`],
    ["a bad page size", `{ payments(first: -1) { totalCount } }`],
    ["a cursor this API did not issue", `{ payments(after: "!!") { totalCount } }`],
  ])("%s", async (_name, query) => {
    const { compiled, general, reasons } = await paths.both("OFFICER", query);
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).not.toBeNull();
    expect(asJson(compiled)).toEqual(asJson(general));
  });
});
