import { Paths, ROLES, asJson, startPaths } from "../test/compare-paths";

// Worker and region reads: compiled, each answer equals the general path's.
let paths: Paths;
beforeAll(async () => {
  paths = await startPaths();
}, 120_000);
afterAll(() => paths?.close());

const QUERIES: [string, string][] = [
  [
    "a worker page with everything",
    `{ workers(first: 30, filter: { regionCode: "33.10" }) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
       edges { cursor node { id nik fullName gender birthDate occupation phone membershipNumber coveredThrough createdAt updatedAt
         coverageStatus asOf: coverageStatus(asOf: "2026-01") village { code name level parent { code name parent { name } } children { code } } } } } }`,
  ],
  [
    "ordered by name, a second page",
    `{ workers(first: 5, orderBy: { field: FULL_NAME, direction: DESC }, after: "WyJaIiwiZmZmZmZmZmYtZmZmZi1mZmZmLWZmZmYtZmZmZmZmZmZmZmZmIl0") { nodes { fullName id } pageInfo { hasPreviousPage endCursor } } }`,
  ],
  [
    "covered through, filtered by status and occupation",
    `{ workers(first: 20, orderBy: { field: COVERED_THROUGH, direction: ASC }, filter: { coverageStatus: [ACTIVE, ARREARS], occupation: [FARMER, TRADER] }) { totalCount nodes { fullName coveredThrough __typename } } }`,
  ],
  [
    "regions",
    `{ regions(parentCode: "33.10", first: 5) { code name level parent { code } } a: region(code: "33.10.02") { name children { code name } } }`,
  ],
  ["an unknown region", `{ region(code: "99.99") { name } }`],
  [
    "a search by name",
    `{ workers(first: 10, filter: { search: "sri" }) { nodes { fullName } totalCount } }`,
  ],
];

describe("compiled reads answer as the general path", () => {
  for (const role of ROLES)
    it.each(QUERIES)(`%s (${role})`, async (_name, query) => {
      const { compiled, general, reasons } = await paths.both(role, query);
      expect(reasons).toEqual([null]);
      expect(asJson(compiled)).toEqual(asJson(general));
    });
});
