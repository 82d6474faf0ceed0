import { CATALOG } from "../../compiled-reads";
import { CompiledReads, NOT_COMPILED } from "../../compiled-reads/reads";
import { Paths, ROLES, Role, asJson, startPaths } from "../../test/compare-paths";

// Accident report reads: compiled, each answer equals the general path's.
let paths: Paths;
let ids: {
  inOfficerScope: string;
  outOfOfficerScope: string;
  accepted: string;
  worker: string;
  partner: string;
  village: string;
};
beforeAll(async () => {
  paths = await startPaths();
  const { one } = paths;
  ids = {
    inOfficerScope: await one(
      `SELECT a.id FROM accident_report a JOIN worker w ON w.id = a.worker_id WHERE w.district_code = '33.10.02' ORDER BY a.id LIMIT 1`,
    ),
    outOfOfficerScope: await one(
      `SELECT a.id FROM accident_report a JOIN worker w ON w.id = a.worker_id WHERE w.district_code <> '33.10.02' ORDER BY a.id LIMIT 1`,
    ),
    accepted: await one(
      `SELECT a.id FROM accident_report a JOIN worker w ON w.id = a.worker_id
        WHERE a.status = 'ACCEPTED' ORDER BY (w.district_code = '33.10.02') DESC, a.id LIMIT 1`,
    ),
    // The worker with the most reports, in the officer's district if there is one there.
    worker: await one(
      `SELECT a.worker_id AS id FROM accident_report a JOIN worker w ON w.id = a.worker_id
        GROUP BY 1, w.district_code ORDER BY (w.district_code = '33.10.02') DESC, count(*) DESC, 1 LIMIT 1`,
    ),
    partner: await one(
      `SELECT partner_id AS id FROM accident_report GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
    ),
    village: await one(
      `SELECT w.village_code AS id FROM accident_report a JOIN worker w ON w.id = a.worker_id
        GROUP BY 1 ORDER BY (w.village_code LIKE '33.10.02.%') DESC, count(*) DESC, 1 LIMIT 1`,
    ),
  };
}, 180_000);
afterAll(() => paths?.close());

const REPORT = `id occurredAt place cause description reporterName reporterPhone status late createdAt __typename
  worker { id nik fullName birthDate phone village { code } recruitedBy { id name } accidentReports { id occurredAt } }
  partner { id name kind phone region { code name } }`;
const PAGE_INFO = `pageInfo { hasNextPage hasPreviousPage startCursor endCursor }`;

type Case = [name: string, query: string, variables?: () => Record<string, unknown>];
const CASES: Case[] = [
  [
    "a report page with everything",
    `{ accidentReports(first: 15) { totalCount ${PAGE_INFO} edges { cursor node { ${REPORT} } } } }`,
  ],
  [
    "the default page size",
    `{ accidentReports { totalCount nodes { id occurredAt } ${PAGE_INFO} } }`,
  ],
  ["a count alone", `{ accidentReports { totalCount } }`],
  [
    "filtered by status and region",
    `query ($village: ID) { a: accidentReports(filter: { status: [ACCEPTED], regionCode: "33.10.02" }) { totalCount nodes { id status } }
       b: accidentReports(filter: { status: [NOT_COVERED, ACCEPTED], regionCode: "33.10" }, first: 5) { totalCount nodes { id } }
       c: accidentReports(filter: { regionCode: $village }) { totalCount nodes { id worker { village { code } } } }
       d: accidentReports(filter: { status: [], regionCode: "" }, first: 3) { totalCount nodes { id } }
       e: accidentReports(filter: { regionCode: "33.10.99" }) { totalCount nodes { id } } }`,
    () => ({ village: ids.village }),
  ],
  [
    "filtered by Jakarta days",
    `{ a: accidentReports(filter: { from: "2026-06-01", to: "2026-06-30" }) { totalCount nodes { id occurredAt } }
       b: accidentReports(filter: { from: "2026-10-15" }, first: 5) { totalCount nodes { occurredAt } }
       c: accidentReports(filter: { to: "2025-12-31" }, first: 5) { totalCount nodes { occurredAt } }
       d: accidentReports(filter: { from: "2026-03-01", to: "2026-03-01" }) { totalCount } }`,
  ],
  [
    "filtered by partner and worker",
    `query ($partner: ID, $worker: ID) { a: accidentReports(filter: { partnerId: $partner }) { totalCount nodes { id partner { id } } }
       b: accidentReports(filter: { workerId: $worker, partnerId: null }) { totalCount nodes { id worker { id } } } }`,
    () => ({ partner: ids.partner, worker: ids.worker }),
  ],
  [
    "one report in the officer's district",
    `query ($id: ID!) { accidentReport(id: $id) { ${REPORT} } }`,
    () => ({ id: ids.inOfficerScope }),
  ],
  [
    "one report outside the officer's district",
    `query ($id: ID!) { accidentReport(id: $id) { id place worker { fullName } } }`,
    () => ({ id: ids.outOfOfficerScope }),
  ],
  [
    "an unknown and an uppercase id",
    `query ($id: ID!) { a: accidentReport(id: "00000000-0000-4000-8000-000000000000") { id } b: accidentReport(id: $id) { id } }`,
    () => ({ id: ids.outOfOfficerScope.toUpperCase() }),
  ],
  [
    "a worker's reports, newest first",
    `query ($id: ID!) { worker(id: $id) { id accidentReports { ${REPORT} } } }`,
    () => ({ id: ids.worker }),
  ],
  [
    "reports under a worker page",
    `{ workers(first: 40, filter: { regionCode: "33.10" }) { nodes { id accidentReports { id occurredAt status reporterPhone } } } }`,
  ],
  [
    "fragments",
    `query ($id: ID!) { accidentReport(id: $id) { ...R p: place } } fragment R on AccidentReport { id status worker { id } }`,
    () => ({ id: ids.inOfficerScope }),
  ],
];

// Development servers add a stack trace to INTERNAL_SERVER_ERRORs: it names the code that
// raised, which differs by path; the client sees neither in production.
type Answer = Parameters<typeof asJson>[0];
const withoutStacks = (answer: Answer): Answer => ({
  data: answer.data,
  errors: answer.errors?.map((e) => {
    const { stacktrace: _stack, ...extensions } = e.extensions ?? {};
    return { ...e, extensions };
  }),
});

async function compare(role: Role, query: string, variables?: Record<string, unknown>) {
  const { compiled, general, reasons } = await paths.both(role, query, variables);
  expect(asJson(withoutStacks(compiled))).toEqual(asJson(withoutStacks(general)));
  return { general: general as { data: any; errors?: unknown }, reasons };
}

describe("compiled accident report reads answer as the general path", () => {
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
    // reports compiled (marked objects), and the answers must agree all the same.
    it(`beside a field that does not compile (${role})`, async () => {
      const field = jest.spyOn(CompiledReads.prototype, "field");
      await compare(
        role,
        `query ($id: ID!) { me { email } accidentReport(id: $id) { ${REPORT} } accidentReports(first: 3) { totalCount edges { cursor node { id worker { id } } } } }`,
        { id: ids.inOfficerScope },
      );
      const values = await Promise.all(field.mock.results.map((r) => r.value));
      field.mockRestore();
      expect(values.length).toBe(2);
      for (const value of values) expect(value).not.toBe(NOT_COMPILED);
    });

    it(`second pages (${role})`, async () => {
      const first = await compare(
        role,
        `{ accidentReports(first: 7, filter: { status: [NOT_COVERED] }) { pageInfo { endCursor } } }`,
      );
      const after = first.general.data.accidentReports.pageInfo.endCursor;
      for (const query of [
        `query ($after: String) { accidentReports(first: 7, after: $after, filter: { status: [NOT_COVERED] }) { totalCount ${PAGE_INFO} edges { cursor node { id occurredAt } } } }`,
        // A cursor past the end: an empty page that had a cursor.
        `{ accidentReports(after: "WyIxOTAwLTAxLTAxVDAwOjAwOjAwLjAwMFoiLCIwMDAwMDAwMC0wMDAwLTAwMDAtMDAwMC0wMDAwMDAwMDAwMDAiXQ") { totalCount ${PAGE_INFO} nodes { id } } }`,
        `{ accidentReports(after: "", first: 2) { ${PAGE_INFO} nodes { id } } }`,
      ]) {
        const { reasons } = await compare(role, query, { after });
        expect(reasons).toEqual([null]);
      }
    });

    it(`coveredBy (${role})`, async () => {
      const { reasons } = await compare(
        role,
        `query ($id: ID!) { accidentReport(id: $id) { status coveredBy { id month amount status } }
           accidentReports(first: 10) { nodes { status coveredBy { id month } } } }`,
        { id: ids.accepted },
      );
      // Contribution is another module's declaration: until it is in the catalog, the general way.
      if ("Contribution" in CATALOG.types) expect(reasons).toEqual([null]);
      else expect(reasons[0]).toMatch(/Contribution/);
    });

    it(`errors are the general path's (${role})`, async () => {
      for (const query of [
        `{ accidentReport(id: "not-an-id") { id } }`,
        `{ accidentReports(first: 201) { totalCount } }`,
        `{ accidentReports(after: "bm9wZQ") { totalCount } }`,
        `{ accidentReports(filter: { regionCode: "33-10" }) { totalCount } }`,
        `{ accidentReports(filter: { partnerId: "x" }) { totalCount } }`,
        `{ accidentReports(filter: { workerId: "x" }) { totalCount } }`,
        `{ accidentReports(filter: { from: "2026-02-01", to: "2026-01-31" }) { totalCount } }`,
      ]) {
        const { general, reasons } = await compare(role, query);
        expect(general.errors).toBeDefined();
        expect(reasons).not.toEqual([null]);
      }
      // A cursor value PostgreSQL cannot cast: the statement fails, the general path answers.
      const cast = await compare(
        role,
        `{ accidentReports(after: "WyJub3QgYSB0aW1lIiwiMDAwMDAwMDAtMDAwMC0wMDAwLTAwMDAtMDAwMDAwMDAwMDAwIl0") { nodes { id } } }`,
      );
      expect(cast.general.errors).toBeDefined();
    });
  }
});
