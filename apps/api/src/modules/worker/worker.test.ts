import { Gender, buildNik } from "@sertakan/schema";
import { TestServer, startTestServer } from "../../test/test-server";

// Siti: a woman born 5 July 1990, NIK issued in Prambanan (33.10.01), day 05 + 40 = 45.
const SITI = {
  nik: "3310014507900001",
  fullName: "Siti Rahayu",
  gender: "FEMALE",
  birthDate: "1990-07-05",
  occupation: "FARMER",
  phone: "081234567890",
  villageCode: "33.10.01.2001",
};

const REGISTER = `mutation($input: RegisterWorkerInput!) {
  registerWorker(input: $input) { id nik fullName gender birthDate occupation village { code name } recruitedBy { id } }
}`;

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const workerCount = async () =>
  Number((await t.server.dataSource.query(`SELECT count(*) AS n FROM worker`))[0].n);

describe("registerWorker", () => {
  it("registers a worker whose NIK agrees with gender and birth date", async () => {
    const res = await t.gql(REGISTER, { input: SITI });
    expect(res.errors).toBeUndefined();
    expect(res.data?.registerWorker).toMatchObject({
      nik: SITI.nik,
      gender: "FEMALE",
      birthDate: "1990-07-05",
      village: { code: "33.10.01.2001", name: "Sengon" },
      recruitedBy: null,
    });
    const [row] = await t.server.dataSource.query(
      `SELECT district_code, regency_code, province_code FROM worker WHERE nik = $1`,
      [SITI.nik],
    );
    expect(row).toEqual({ district_code: "33.10.01", regency_code: "33.10", province_code: "33" });
  });

  it.each([
    ["too short", { nik: "331001450790001" }, "NIK_INVALID", "nik", /16 digits.*15/],
    ["a letter", { nik: "33100145079000A1" }, "NIK_INVALID", "nik", /digits only/],
    ["serial 0000", { nik: "3310014507900000" }, "NIK_INVALID", "nik", /serial/i],
    ["impossible date 31 Feb", { nik: "3310017102900001" }, "NIK_INVALID", "nik", /date/i],
    ["unknown district 33.10.99", { nik: "3310994507900001" }, "NIK_INVALID", "nik", /33\.10\.99/],
    ["a man's NIK for a woman", { nik: "3310010507900001" }, "NIK_MISMATCH", "gender", /gender/i],
    ["another birth date", { birthDate: "1990-07-06" }, "NIK_MISMATCH", "birthDate", /1990-07-06/],
    [
      "a district, not a village",
      { villageCode: "33.10.01" },
      "BAD_USER_INPUT",
      "villageCode",
      /village/,
    ],
    [
      "an unknown village",
      { villageCode: "33.10.01.9999" },
      "BAD_USER_INPUT",
      "villageCode",
      /33\.10\.01\.9999/,
    ],
    ["a one-letter name", { fullName: "S" }, "BAD_USER_INPUT", "fullName", /2 to 150/],
    ["a malformed phone", { phone: "call me" }, "BAD_USER_INPUT", "phone", /telephone/],
    [
      "an unknown recruiter",
      { recruitedById: "00000000-0000-4000-8000-000000000000" },
      "BAD_USER_INPUT",
      "recruitedById",
      /partner/,
    ],
  ])(
    "rejects %s with a coded field error and writes nothing",
    async (_name, change, code, field, message) => {
      const before = await workerCount();
      const res = await t.gql(REGISTER, {
        input: {
          ...SITI,
          nik: "3310016208850002",
          gender: "FEMALE",
          birthDate: "1985-08-22",
          ...change,
        },
      });
      expect(res.data).toBeNull();
      const [error] = res.errors!;
      expect(error.extensions?.code).toBe(code);
      expect(error.extensions?.fieldErrors).toEqual([
        { field, message: expect.stringMatching(message) },
      ]);
      expect(error.message).not.toMatch(/duplicate key|violates|SELECT|INSERT/);
      expect(await workerCount()).toBe(before);
    },
  );

  it("refuses a registered NIK with NIK_DUPLICATE, never a database message", async () => {
    const res = await t.gql(REGISTER, { input: { ...SITI, fullName: "Siti Rahayu (lagi)" } });
    expect(res.errors?.[0].extensions).toMatchObject({
      code: "NIK_DUPLICATE",
      fieldErrors: [{ field: "nik" }],
    });
  });

  it("returns BAD_USER_INPUT for a malformed Date, not a validation crash", async () => {
    const res = await t.gql(REGISTER, {
      input: { ...SITI, nik: "3310016208850002", birthDate: "22-08-1985" },
    });
    expect(res.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(res.errors?.[0].message).toMatch(/YYYY-MM-DD/);
  });
});

describe("updateWorker", () => {
  it("moves a worker to another village and keeps the region codes in step", async () => {
    const { data } = await t.gql(`{ workerByNik(nik: "${SITI.nik}") { id } }`);
    const res = await t.gql(
      `mutation($id: ID!) { updateWorker(id: $id, input: { villageCode: "33.10.02.2001", occupation: TRADER }) { occupation village { code } } }`,
      {
        id: data!.workerByNik.id,
      },
    );
    expect(res.data?.updateWorker).toEqual({
      occupation: "TRADER",
      village: { code: "33.10.02.2001" },
    });
    const [row] = await t.server.dataSource.query(
      `SELECT district_code FROM worker WHERE nik = $1`,
      [SITI.nik],
    );
    expect(row.district_code).toBe("33.10.02");
  });
});

describe("importWorkers", () => {
  const rows = [
    { ...SITI }, // already registered → duplicate
    {
      nik: "3310020101800003",
      fullName: "Slamet Riyadi",
      gender: "MALE",
      birthDate: "1980-01-01",
      occupation: "LABOURER",
      villageCode: "33.10.02.2001",
    },
    {
      nik: "3310024101800003",
      fullName: "Sri Wahyuni",
      gender: "FEMALE",
      birthDate: "1980-01-01",
      occupation: "TRADER",
      villageCode: "33.10.02.2002",
    },
    {
      nik: "3310020101800000",
      fullName: "Bad Serial",
      gender: "MALE",
      birthDate: "1980-01-01",
      occupation: "OTHER",
      villageCode: "33.10.02.2001",
    },
    {
      nik: "3310020101800003",
      fullName: "Slamet twice",
      gender: "MALE",
      birthDate: "1980-01-01",
      occupation: "LABOURER",
      villageCode: "33.10.02.2001",
    },
    {
      nik: "3310020202820004",
      fullName: "Joko Susilo",
      gender: "MALE",
      birthDate: "1982-02-02",
      occupation: "DRIVER",
      villageCode: "33.10.02.2001",
      phone: "no phone",
    },
  ];
  const IMPORT = `mutation($rows: [RegisterWorkerInput!]!, $dryRun: Boolean) {
    importWorkers(rows: $rows, dryRun: $dryRun) { created duplicates errors { row field code message } workers { nik } }
  }`;

  it("dry run reports per-row errors and duplicates, writing nothing", async () => {
    const before = await workerCount();
    const res = await t.gql(IMPORT, { rows, dryRun: true });
    expect(res.data?.importWorkers).toMatchObject({
      created: 0,
      duplicates: 2,
      workers: [],
      errors: [
        { row: 3, field: "nik", code: "NIK_INVALID" },
        { row: 5, field: "phone", code: "BAD_USER_INPUT" },
      ],
    });
    expect(await workerCount()).toBe(before);
  });

  it("writes the valid rows in one go and reports the rest", async () => {
    const before = await workerCount();
    const res = await t.gql(IMPORT, { rows });
    expect(res.data?.importWorkers.created).toBe(2);
    expect(res.data?.importWorkers.workers.map((w: { nik: string }) => w.nik).sort()).toEqual([
      "3310020101800003",
      "3310024101800003",
    ]);
    expect(await workerCount()).toBe(before + 2);
  });

  it("refuses more than 5,000 rows outright", async () => {
    const many = Array.from({ length: 5001 }, () => rows[1]);
    const res = await t.gql(IMPORT, { rows: many, dryRun: true });
    expect(res.errors?.[0].extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      fieldErrors: [{ field: "rows" }],
    });
  });
});

describe("workers", () => {
  beforeAll(async () => {
    // 30 more workers in Kajoran, Klaten Selatan.
    const rows = Array.from({ length: 30 }, (_, i) => {
      const birthDate = `1990-03-${String(i + 1).padStart(2, "0")}`;
      return {
        nik: buildNik({ districtCode: "33.10.26", birthDate, gender: Gender.MALE, serial: i + 1 }),
        fullName: `Pekerja ${String(i).padStart(2, "0")}`,
        gender: "MALE",
        birthDate,
        occupation: i % 2 ? "FARMER" : "STREET_VENDOR",
        villageCode: "33.10.26.2001",
      };
    });
    const res = await t.gql(
      `mutation($rows: [RegisterWorkerInput!]!) { importWorkers(rows: $rows) { created errors { row message } } }`,
      { rows },
    );
    expect(res.data?.importWorkers).toEqual({ created: 30, errors: [] });
  });

  it("filters by region at any level with totalCount", async () => {
    const q = `query($r: ID!) { workers(filter: { regionCode: $r }) { totalCount } }`;
    const counts = await Promise.all(
      ["33", "33.10", "33.10.26", "33.10.26.2001", "33.09"].map((r) => t.gql(q, { r })),
    );
    expect(counts.map((c) => c.data?.workers.totalCount)).toEqual([33, 33, 30, 30, 0]);
  });

  it("walks every page with keyset cursors, no row twice or missing", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const res: any = await t.gql(
        `query($after: String) { workers(first: 7, after: $after, filter: { regionCode: "33.10.26" }, orderBy: { field: FULL_NAME, direction: DESC }) {
          nodes { fullName } pageInfo { hasNextPage hasPreviousPage endCursor } } }`,
        { after },
      );
      seen.push(...res.data.workers.nodes.map((n: { fullName: string }) => n.fullName));
      expect(res.data.workers.pageInfo.hasPreviousPage).toBe(after !== null);
      if (!res.data.workers.pageInfo.hasNextPage) break;
      after = res.data.workers.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(30);
    expect(seen).toEqual([...seen].sort().reverse());
  });

  it("searches by name fragment and by NIK prefix, filters by occupation", async () => {
    const res = await t.gql(`{
      byName: workers(filter: { search: "pekerja 1" }) { totalCount }
      byNik: workers(filter: { search: "331002" }) { totalCount }
      vendors: workers(filter: { regionCode: "33.10.26", occupation: [STREET_VENDOR] }) { totalCount }
    }`);
    expect(res.data).toEqual({
      byName: { totalCount: 10 },
      byNik: { totalCount: 2 },
      vendors: { totalCount: 15 },
    });
  });

  it("refuses first > 200 and a forged cursor with BAD_USER_INPUT", async () => {
    const res = await t.gql(`{ workers(first: 201) { totalCount } }`);
    expect(res.errors?.[0].extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      fieldErrors: [{ field: "first" }],
    });
    const forged = await t.gql(`{ workers(after: "bm90LWEtY3Vyc29y") { totalCount } }`);
    expect(forged.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("answers workerByNik and null for unknown ids", async () => {
    const res = await t.gql(
      `{ workerByNik(nik: "${SITI.nik}") { fullName } worker(id: "not-a-uuid") { id } none: workerByNik(nik: "123") { id } }`,
    );
    expect(res.data).toEqual({
      workerByNik: { fullName: "Siti Rahayu" },
      worker: null,
      none: null,
    });
  });
});
