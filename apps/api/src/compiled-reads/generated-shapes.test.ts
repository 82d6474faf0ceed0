import { Paths, ROLES, asJson, startPaths } from "../test/compare-paths";
import { ShapeFixtures, ShapeRoot, generateShapes } from "../bench/query-shapes";

// The benchmark's generated shapes (bench/query-shapes.ts, the seed `npm run bench` uses),
// asked of both paths under each role's scope and masking: every one must compile, and
// its answer must be the general path's, errors included.
const SEED = 17;
const COUNT = 50;
let paths: Paths;
let fixtures: ShapeFixtures;
beforeAll(async () => {
  paths = await startPaths();
  const db = paths.on.server.dataSource;
  const column = async (sql: string) =>
    ((await db.query(sql)) as Record<string, string>[]).map((r) => Object.values(r)[0]);
  fixtures = {
    districtCodes: await column(
      `SELECT code FROM region WHERE level = 'DISTRICT' AND parent_code = '33.10' ORDER BY code`,
    ),
    villageCodes: await column(
      `SELECT code FROM region WHERE level = 'VILLAGE' AND code LIKE '33.10.%' ORDER BY code`,
    ),
    donorIds: await column(`SELECT id FROM donor ORDER BY id LIMIT 50`),
    workerIds: await column(`SELECT DISTINCT worker_id FROM sponsorship ORDER BY 1 LIMIT 50`),
  };
}, 120_000);
afterAll(() => paths?.close());

const ROOTS: ShapeRoot[] = ["workers", "donors", "sponsorships"];

describe("every generated shape answers as the general path", () => {
  for (const root of ROOTS)
    for (const role of ROLES)
      it(`${COUNT} ${root} shapes as ${role}`, async () => {
        const problems: string[] = [];
        let rows = 0;
        for (const shape of generateShapes(root, COUNT, SEED, fixtures)) {
          const { compiled, general, reasons } = await paths.both(role, shape.ours);
          if (reasons.some((r) => r !== null))
            problems.push(`${shape.name} not compiled: ${reasons.join("; ")}`);
          else if (asJson(compiled) !== asJson(general))
            problems.push(`${shape.name} differs: ${shape.ours}`);
          const connection = (compiled.data as Record<string, any> | undefined)?.[root];
          rows += (connection?.nodes ?? connection?.edges ?? []).length;
        }
        expect(problems).toEqual([]);
        // Shapes that find nothing would prove little: most must find rows in every scope.
        expect(rows).toBeGreaterThan(COUNT);
      }, 120_000);
});
