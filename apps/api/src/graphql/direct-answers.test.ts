import { Paths, asJson, startPaths } from "../test/compare-paths";
import { readPool } from "../database/replicas";
import { CompiledReads } from "../compiled-reads/reads";

// The HTTP edge answers a query whose every root field is a compiled read with PostgreSQL's
// JSON as the response; a document that also asks for something else goes to Apollo, where
// the compiled roots still run their statements (inside execution). Each query is asked
// three ways, and all three must give the general path's very answer:
// - edge: as written;
// - execution: with a root `__typename`, which the edge leaves to Apollo;
// - general: on the server without compiled reads.
let paths: Paths;
beforeAll(async () => {
  paths = await startPaths();
}, 120_000);
afterAll(() => paths?.close());
afterEach(() => jest.restoreAllMocks());

const spies = () => ({
  edge: jest.spyOn(CompiledReads.prototype, "compile"),
  execution: jest.spyOn(CompiledReads.prototype, "field"),
});

const NODE = `id nik fullName gender birthDate occupation phone membershipNumber coveredThrough createdAt updatedAt coverageStatus
  village { code name level parent { code name level } }
  recruitedBy { id name kind region { code } }`;

describe("direct answers", () => {
  it.each([
    ["every worker field through nodes", `totalCount nodes { ${NODE} }`],
    [
      "edges, cursors and pageInfo in an unusual order",
      `edges { node { ${NODE} } cursor } pageInfo { endCursor hasPreviousPage startCursor hasNextPage } totalCount`,
    ],
    [
      "__typename at every level, aliases and fragments",
      `__typename pageInfo { __typename hasNextPage } edges { __typename cursor node { ...W } }`,
      `fragment W on Worker { __typename name: fullName village { __typename name parent { __typename code } } ... on Worker { nik } }`,
    ],
    ["nodes and edges asking different fields", `nodes { id } edges { node { fullName } }`],
  ])("answers %s exactly as the general path", async (_name, selection, fragments = "") => {
    const root = `workers(first: 40, filter: { regionCode: "33.10" })`;
    const s = spies();
    const edge = await paths.on.gql(`{ ${root} { ${selection} } } ${fragments}`);
    expect(s.edge).toHaveBeenCalledTimes(1);
    expect(s.execution).not.toHaveBeenCalled();
    const executed = await paths.on.gql(`{ __typename ${root} { ${selection} } } ${fragments}`);
    expect(s.execution).toHaveBeenCalledTimes(1);
    const general = await paths.off.gql(`{ ${root} { ${selection} } } ${fragments}`);
    expect(edge.errors).toBeUndefined();
    expect((edge.data as any).workers).toBeTruthy();
    const { __typename, ...executedData } = executed.data!;
    expect(__typename).toBe("Query");
    expect(JSON.stringify(executedData)).toBe(JSON.stringify(edge.data));
    expect(asJson(edge)).toBe(asJson(general));
  });

  it("answers workerByNik and workers together, with variables, and null for an unknown NIK", async () => {
    const { data } = await paths.on.gql(`{ workers(first: 1) { nodes { nik } } }`);
    const nik = data!.workers.nodes[0].nik as string;
    const query = `query Two($nik: String!, $none: String!, $n: Int, $with: Boolean!) {
      found: workerByNik(nik: $nik) { fullName coverageStatus village { name } phone @include(if: $with) }
      missing: workerByNik(nik: $none) { id }
      workers(first: $n) { nodes { nik } } }`;
    for (const flag of [true, false]) {
      const vars = { nik, none: "3310010101900009", n: 2, with: flag };
      const { compiled, general, reasons } = await paths.both("ADMIN", query, vars);
      expect(reasons).toEqual([null]);
      expect((compiled.data as any).missing).toBeNull();
      expect("phone" in (compiled.data as any).found).toBe(flag);
      expect(asJson(compiled)).toBe(asJson(general));
    }
    // Counted in /metrics by its name, like an operation Apollo answers.
    const metrics = await fetch(`${paths.on.baseUrl}/metrics`).then((r) => r.text());
    expect(metrics).toMatch(
      /sertakan_graphql_operation_duration_seconds_count\{operation="Two"\} [1-9]/,
    );
  });

  it.each([
    ["a page too large", `{ workers(first: 500) { nodes { id } } }`, "BAD_USER_INPUT"],
    ["a cursor it never issued", `{ workers(after: "bm9wZQ") { nodes { id } } }`, "BAD_USER_INPUT"],
    ["an unknown field", `{ workers { nodes { shoeSize } } }`, "GRAPHQL_VALIDATION_FAILED"],
    [
      "a viewer's long NIK search",
      `{ workers(filter: { search: "33100" }) { nodes { id } } }`,
      "FORBIDDEN",
    ],
  ])("leaves %s to the general path's coded error", async (_name, query, code) => {
    const { compiled, general } = await paths.both("VIEWER", query);
    expect(compiled.errors?.[0].extensions?.code).toBe(code);
    expect(asJson(compiled)).toBe(asJson(general));
  });

  it.each([
    ["a statement the timeout stopped", { code: "57014" }, 504, "TIMEOUT"],
    ["a database that cannot be reached", { code: "ECONNREFUSED" }, 503, "SERVICE_UNAVAILABLE"],
  ])(
    "answers %s at once, without running it again through Apollo",
    async (name, e, status, code) => {
      const s = spies();
      jest
        .spyOn(readPool(paths.on.server.dataSource), "query")
        .mockImplementationOnce(() =>
          Promise.reject(Object.assign(new Error("from PostgreSQL"), e)),
        );
      // A document of its own, so that it is compiled here and not kept from another test.
      const res = await paths.on.gql(`{ workers(first: 3) { nodes { id } } } # ${name}`);
      expect(res.status).toBe(status);
      expect(res.errors?.[0].extensions?.code).toBe(code);
      expect(s.edge).toHaveBeenCalledTimes(1);
      expect(s.execution).not.toHaveBeenCalled();
    },
  );

  it("leaves a document longer than 16 KB to Apollo, which still compiles its reads", async () => {
    const padded = `{ workers(first: 2) { nodes { id } } } # ${"x".repeat(17_000)}`;
    const s = spies();
    const res = await paths.on.gql(padded);
    expect(res.data!.workers.nodes).toHaveLength(2);
    expect(s.edge).not.toHaveBeenCalled();
    expect(s.execution).toHaveBeenCalledTimes(1);
  });

  it("leaves anonymous callers and unknown operation names to Apollo", async () => {
    const anonymous = await paths.on.as(null)(`{ workers { nodes { id } } }`);
    expect(anonymous.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    const login = await paths.on.as(null)(
      `mutation { login(email: "admin@test.local", password: "test-password-1") { token } }`,
    );
    const res = await fetch(`${paths.on.baseUrl}/graphql`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${login.data!.login.token}`,
      },
      body: JSON.stringify({ query: `query A { workers { nodes { id } } }`, operationName: "B" }),
    });
    expect(res.status).toBe(400);
  });
});
