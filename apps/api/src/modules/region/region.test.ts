import { TestServer, startTestServer } from "../../test/test-server";
import { loadRegions, readNationalRegions } from "./region-data";

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

describe("regions from idn-area-data", () => {
  it("has the whole national list, with counts per level", async () => {
    const rows: { level: string; count: number }[] = await t.server.dataSource.query(
      `SELECT level, count(*)::int AS count FROM region GROUP BY level ORDER BY level`,
    );
    const counts = Object.fromEntries(rows.map((r) => [r.level, r.count]));
    expect(counts).toMatchObject({ PROVINCE: 38, REGENCY: 514 });
    // idn-area-data 3.x (the last major for Node 20) ships 7,277 districts and 83,763 villages.
    const shipped = await readNationalRegions();
    for (const level of ["DISTRICT", "VILLAGE"]) {
      expect(counts[level]).toBe(shipped.filter((r) => r.level === level).length);
    }
    expect(counts.VILLAGE).toBeGreaterThan(83_000);
  });

  it("answers regions(level: PROVINCE) with 38 rows", async () => {
    const res = await t.gql(`{ regions(level: PROVINCE) { code name } }`);
    expect(res.data?.regions).toHaveLength(38);
    expect(res.data?.regions).toContainEqual({ code: "33", name: "Jawa Tengah" });
  });

  it("walks Klaten: 26 districts, 401 villages, parents up to Jawa Tengah", async () => {
    const res = await t.gql(`{
      region(code: "33.10") { name level parent { code name } children { code } }
      villages: regions(parentCode: "33.10.01", level: VILLAGE) { code }
    }`);
    expect(res.data?.region).toMatchObject({
      name: "Kabupaten Klaten",
      level: "REGENCY",
      parent: { code: "33", name: "Jawa Tengah" },
    });
    expect(res.data?.region.children).toHaveLength(26);
    expect(res.data?.region.children[0]).toEqual({ code: "33.10.01" });
    const [{ count }] = await t.server.dataSource.query(
      `SELECT count(*)::int AS count FROM region v JOIN region d ON d.code = v.parent_code WHERE d.parent_code = '33.10'`,
    );
    expect(count).toBe(401);
    expect(res.data?.villages.length).toBeGreaterThan(5);
    expect(res.data?.villages.every((v: { code: string }) => v.code.startsWith("33.10.01."))).toBe(
      true,
    );
  });

  it("searches names case-insensitively and returns null for an unknown code", async () => {
    const res = await t.gql(
      `{ regions(search: "klaten", level: REGENCY) { code } region(code: "99.99") { code } }`,
    );
    expect(res.data).toEqual({ regions: [{ code: "33.10" }], region: null });
  });

  it("is idempotent: a second load writes nothing", async () => {
    expect(await loadRegions(t.server.dataSource)).toEqual({ loaded: 0, skipped: true });
  });
});
