import { TestServer, startTestServer } from "../test/test-server";

// Production mode: clients get coded, human errors, never stacks or SQL.
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ NODE_ENV: "production" });
});
afterAll(() => t.close());

describe("errors in production", () => {
  it("keeps domain codes and field errors, without a stack trace", async () => {
    const res = await t.gql(`{ workers(first: 500) { totalCount } }`);
    expect(res.errors?.[0]).toMatchObject({
      message: "first must be between 1 and 200, got 500.",
      extensions: {
        code: "BAD_USER_INPUT",
        fieldErrors: [{ field: "first", message: expect.any(String) }],
      },
    });
    expect(JSON.stringify(res)).not.toMatch(/stacktrace|at .*\.ts:/);
  });

  it("turns an unexpected database failure into a generic INTERNAL_SERVER_ERROR", async () => {
    // Break the database under the server: the query now fails inside PostgreSQL.
    await t.server.dataSource.query(`ALTER TABLE engagement RENAME TO engagement_gone`);
    try {
      const partner = await t.gql(
        `mutation { createPartner(input: { kind: PLKK_CLINIC, name: "Klinik Uji", regionCode: "33.10.01" }) { id } }`,
      );
      const res = await t.gql(`query($id: ID!) { partner(id: $id) { engagements { id } } }`, {
        id: partner.data!.createPartner.id,
      });
      expect(res.errors?.[0].extensions?.code).toBe("INTERNAL_SERVER_ERROR");
      const [error] = res.errors!;
      expect(error.message).toMatch(/^Something went wrong on our side/);
      expect(error.extensions).toEqual({ code: "INTERNAL_SERVER_ERROR" }); // no stack, no SQL
      const health = await fetch(`${t.baseUrl}/healthz`);
      expect(health.status).toBe(200);
    } finally {
      await t.server.dataSource.query(`ALTER TABLE engagement_gone RENAME TO engagement`);
    }
  });
});
