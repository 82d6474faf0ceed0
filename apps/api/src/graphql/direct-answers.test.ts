import { TestServer, startTestServer } from "../test/test-server";
import { seedDemo } from "../database/seed/demo-seed";
import { CompiledWorkerReads } from "../modules/worker/worker-compiled-reads";
import { WorkerService } from "../modules/worker/worker.service";

// A direct answer must be the very response the general path gives: same values, same key
// order, same nulls. Each query is asked three ways:
// - direct: as written, answered at the HTTP edge from PostgreSQL's JSON;
// - executed: with a root `__typename`, which the edge leaves to Apollo, where the resolver
//   still uses the compiled statement;
// - general: with a directive inside, which sends it down the DataLoader path.
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({}, { now: () => new Date("2026-11-15T03:00:00Z") });
  await seedDemo(t.server.dataSource, { currentMonth: "2026-11" });
}, 60_000);
afterAll(() => t.close());
afterEach(() => jest.restoreAllMocks());

const asked = () => {
  const direct = jest.spyOn(CompiledWorkerReads.prototype, "pageJson");
  const executed = jest.spyOn(WorkerService.prototype, "compiledPage");
  return { direct, executed };
};

// The three spellings of one query; `root` is the root field with its arguments.
function threeWays(root: string, selection: string, fragments = "") {
  return {
    direct: `{ ${root} { ${selection} } } ${fragments}`,
    executed: `{ __typename ${root} { ${selection} } } ${fragments}`,
    general: `{ ${root} { __typename @include(if: true) ${selection} } } ${fragments}`,
  };
}

const NODE = `id nik fullName gender birthDate occupation phone membershipNumber coveredThrough createdAt updatedAt coverageStatus
  village { code name level parent { code name level } }
  sponsorships { id package months monthlyContribution declaredIncome startMonth endMonth cancelReason createdAt donor { id name kind } }`;

describe("direct answers", () => {
  it.each([
    ["every compiled field through nodes", `totalCount nodes { ${NODE} }`],
    [
      "edges, cursors and pageInfo in an unusual order",
      `edges { node { ${NODE} } cursor } pageInfo { endCursor hasPreviousPage startCursor hasNextPage } totalCount`,
    ],
    [
      "__typename at every level and fragments",
      `__typename pageInfo { __typename hasNextPage } edges { __typename cursor node { ...W } }`,
      `fragment W on Worker { __typename fullName village { __typename name parent { __typename code } } sponsorships { __typename months donor { __typename name } } ... on Worker { nik } }`,
    ],
    ["nodes and edges asking the same", `nodes { id fullName } edges { node { id fullName } }`],
  ])("answers %s exactly as the general path", async (_name, selection, fragments = "") => {
    const q = threeWays(
      `workers(first: 40, filter: { regionCode: "33.10" })`,
      selection,
      fragments as string,
    );
    const spies = asked();
    const direct = await t.gql(q.direct);
    expect(spies.direct).toHaveBeenCalledTimes(1);
    expect(spies.executed).not.toHaveBeenCalled();
    const [executed, general] = await Promise.all([t.gql(q.executed), t.gql(q.general)]);
    expect(direct.errors).toBeUndefined();
    expect(direct.data!.workers).toBeTruthy();
    // Stringified, so that key order counts too.
    const { __typename: _t, ...executedData } = executed.data!;
    expect(JSON.stringify(direct.data)).toBe(JSON.stringify(executedData));
    const generalWorkers = general.data!.workers;
    if (!selection.startsWith("__typename")) delete generalWorkers.__typename;
    expect(JSON.stringify(direct.data)).toBe(JSON.stringify(general.data));
  });

  it("answers a VIEWER masked and within their scope, with the root renamed", async () => {
    const viewer = await t.tokenFor("VIEWER", "33.10.01");
    const q = threeWays(
      `page: workers(first: 30)`,
      `nodes { nik phone birthDate village { code } }`,
    );
    const spies = asked();
    const direct = await t.as(viewer)(q.direct);
    expect(spies.direct).toHaveBeenCalledTimes(1);
    expect(spies.executed).not.toHaveBeenCalled();
    const general = await t.as(viewer)(q.general);
    delete general.data!.page.__typename;
    expect(JSON.stringify(direct.data)).toBe(JSON.stringify(general.data));
    const nodes = direct.data!.page.nodes as Record<string, any>[];
    expect(nodes.length).toBeGreaterThan(0);
    for (const n of nodes) {
      expect(n.nik).toMatch(/^\d{4}\*{8}\d{4}$/);
      expect(n.phone).toBeNull();
      expect(n.birthDate).toBeNull();
      expect(n.village.code.startsWith("33.10.01.")).toBe(true);
    }
  });

  it("answers workerByNik and workers together, with variables, and null for an unknown NIK", async () => {
    const { data } = await t.gql(`{ workers(first: 1) { nodes { nik } } }`);
    const nik = data!.workers.nodes[0].nik as string;
    const query = `query Two($nik: String!, $none: String!, $n: Int) {
      found: workerByNik(nik: $nik) { fullName coverageStatus village { name } }
      missing: workerByNik(nik: $none) { id }
      workers(first: $n) { nodes { nik } } }`;
    const spies = asked();
    const direct = await t.gql(query, { nik, none: "3310010101900009", n: 2 });
    expect(spies.direct).toHaveBeenCalledTimes(1);
    expect(spies.executed).not.toHaveBeenCalled();
    expect(direct.errors).toBeUndefined();
    expect(direct.data!.missing).toBeNull();
    expect(direct.data!.workers.nodes[0].nik).toBe(nik);
    const general = await t.gql(query.replace("fullName", "fullName @include(if: true)"), {
      nik,
      none: "3310010101900009",
      n: 2,
    });
    expect(JSON.stringify(direct.data)).toBe(JSON.stringify(general.data));
    // Counted in /metrics by its name, like an operation Apollo answers.
    const metrics = await fetch(`${t.baseUrl}/metrics`).then((r) => r.text());
    expect(metrics).toMatch(
      /sertakan_graphql_operation_duration_seconds_count\{operation="Two"\} [1-9]/,
    );
  });

  it.each([
    ["a page too large", `{ workers(first: 500) { nodes { id } } }`, "BAD_USER_INPUT"],
    ["a cursor it never issued", `{ workers(after: "bm9wZQ") { nodes { id } } }`, "BAD_USER_INPUT"],
    ["an unknown field", `{ workers { nodes { shoeSize } } }`, "GRAPHQL_VALIDATION_FAILED"],
  ])("leaves %s to the general path's coded error", async (_name, query, code) => {
    const res = await t.gql(query);
    expect(res.errors?.[0].extensions?.code).toBe(code);
    expect(res.data?.workers ?? null).toBeNull();
  });

  it.each([
    ["a statement the timeout stopped", { code: "57014" }, 504, "TIMEOUT"],
    ["a database that cannot be reached", { code: "ECONNREFUSED" }, 503, "SERVICE_UNAVAILABLE"],
  ])("answers %s at once, without running it again through Apollo", async (_n, e, status, code) => {
    const spies = asked();
    spies.direct.mockRejectedValue(Object.assign(new Error("from PostgreSQL"), e));
    const res = await t.gql(`{ workers(first: 3) { nodes { id } } }`);
    expect(res.status).toBe(status);
    expect(res.errors?.[0].extensions?.code).toBe(code);
    expect(spies.direct).toHaveBeenCalledTimes(1);
    expect(spies.executed).not.toHaveBeenCalled();
  });

  it("leaves a document longer than 16 KB to Apollo, which answers it the same", async () => {
    const padded = `{ workers(first: 2) { nodes { id } } } # ${"x".repeat(17_000)}`;
    const spies = asked();
    const res = await t.gql(padded);
    expect(res.data!.workers.nodes).toHaveLength(2);
    expect(spies.executed).toHaveBeenCalledTimes(1); // the resolver's compiled path, in Apollo
  });

  it("leaves anonymous callers, other orders and unknown operation names to Apollo", async () => {
    const anonymous = await t.as(null)(`{ workers { nodes { id } } }`);
    expect(anonymous.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");

    // The compiled statement takes only the default order; others fall through to Apollo.
    const byName = await t.gql(
      `{ workers(first: 5, orderBy: { field: FULL_NAME }) { nodes { fullName } } }`,
    );
    const general = await t.gql(
      `{ workers(first: 5, orderBy: { field: FULL_NAME }) { nodes { fullName @include(if: true) } } }`,
    );
    expect(byName.data!.workers.nodes).toHaveLength(5);
    expect(byName.data).toEqual(general.data);

    const res = await fetch(`${t.baseUrl}/graphql`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: await adminHeader(),
      },
      body: JSON.stringify({ query: `query A { workers { nodes { id } } }`, operationName: "B" }),
    });
    expect(res.status).toBe(400);
  });
});

// The admin's bearer header, taken from a fresh sign-in.
async function adminHeader(): Promise<string> {
  const res = await t.as(null)(
    `mutation { login(email: "admin@test.local", password: "test-password-1") { token } }`,
  );
  if (!res.data) throw new Error(`test login failed: ${JSON.stringify(res.errors)}`);
  return `Bearer ${res.data.login.token}`;
}
