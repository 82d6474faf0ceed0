import { Paths, ROLES, asJson, startPaths } from "../test/compare-paths";
import {
  SHAPE_FIXTURE_SQL,
  SHAPE_SEED,
  ShapeFixtures,
  ShapeRoot,
  generateShapes,
} from "../bench/query-shapes";

// The benchmark's generated shapes (bench/query-shapes.ts, the seed `npm run bench` uses),
// asked of both paths under each role's scope and masking: every one must compile, and
// its answer must be the general path's, errors included.
const COUNT = 50;
let paths: Paths;
let fixtures: ShapeFixtures;
beforeAll(async () => {
  paths = await startPaths();
  const db = paths.on.server.dataSource;
  const column = async (sql: string) =>
    ((await db.query(sql)) as Record<string, string>[]).map((r) => Object.values(r)[0]);
  const entries = Object.entries(SHAPE_FIXTURE_SQL) as [keyof ShapeFixtures, string][];
  fixtures = Object.fromEntries(
    await Promise.all(entries.map(async ([name, sql]) => [name, await column(sql)])),
  ) as ShapeFixtures;
}, 120_000);
afterAll(() => paths?.close());

const ROOTS: ShapeRoot[] = ["workers", "donors", "sponsorships"];

describe("every generated shape answers as the general path", () => {
  for (const root of ROOTS)
    for (const role of ROLES)
      it(`${COUNT} ${root} shapes as ${role}`, async () => {
        const problems: string[] = [];
        let rows = 0;
        for (const shape of generateShapes(root, COUNT, SHAPE_SEED, fixtures)) {
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
