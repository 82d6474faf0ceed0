import { ApolloArmor } from "@escape.tech/graphql-armor";
import { GraphQLSchema, ValidationRule, parse, specifiedRules, validate } from "graphql";
import { createSchema } from "../schema";
import { COST_LIMIT, ShapeFixtures, ShapeRoot, generateShapes } from "./query-shapes";

// The generated bench shapes must be queries our schema accepts, the same for a seed and
// different from one another; PostGraphile's spelling is checked against its server by the bench.
const FIXTURES: ShapeFixtures = {
  districtCodes: ["33.10.01", "33.10.02", "33.10.14"],
  villageCodes: ["33.10.02.2001", "33.10.02.2006", "33.10.14.2003"],
  donorIds: ["0b6f0f8e-2c3e-4b7a-9d1e-3f7a2b1c4d5e", "9a0e3c4b-5d6f-4a1b-8c2d-7e8f9a0b1c2d"],
  workerIds: ["4c2d1e0f-9a8b-4c7d-8e6f-5a4b3c2d1e0f"],
};
const ROOTS: ShapeRoot[] = ["workers", "donors", "sponsorships"];

// The limits server.ts sets: a shape over one is refused before it runs.
const LIMITS = new ApolloArmor({
  maxDepth: { n: 12 },
  maxAliases: { n: 30 },
  maxTokens: { enabled: false },
  costLimit: { maxCost: COST_LIMIT },
}).protect().validationRules as ValidationRule[];
const RULES = [...specifiedRules, ...LIMITS];

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await createSchema();
});

describe.each(ROOTS)("the %s shapes", (root) => {
  const shapes = generateShapes(root, 50, 17, FIXTURES);

  it("are valid queries of our schema within its limits, and PostGraphile's spelling parses", () => {
    expect(shapes).toHaveLength(50);
    for (const shape of shapes) {
      // The cost rule throws where other rules report.
      let errors: string[];
      try {
        errors = validate(schema, parse(shape.ours), RULES).map((e) => e.message);
      } catch (e) {
        errors = [(e as Error).message];
      }
      expect({ name: shape.name, errors }).toEqual({ name: shape.name, errors: [] });
      expect(() => parse(shape.postgraphile)).not.toThrow();
    }
  });

  it("are the same for the same seed, and another seed draws others", () => {
    expect(generateShapes(root, 50, 17, FIXTURES)).toEqual(shapes);
    const other = generateShapes(root, 50, 18, FIXTURES).map((s) => s.ours);
    expect(other).not.toEqual(shapes.map((s) => s.ours));
  });

  it("differ from one another, in fields, nesting and arguments", () => {
    expect(new Set(shapes.map((s) => s.ours)).size).toBe(50);
    // Some shapes nest objects, some nest lists, some filter, some ask for edges.
    expect(shapes.some((s) => /\{[^{}]*\{[^{}]*\{/.test(s.ours))).toBe(true);
    expect(shapes.filter((s) => s.ours.includes("filter:")).length).toBeGreaterThan(10);
    expect(shapes.filter((s) => s.ours.includes("edges {")).length).toBeGreaterThan(5);
    expect(shapes.filter((s) => s.ours.includes("totalCount")).length).toBeGreaterThan(5);
  });
});

it("draws a root's shapes whatever the count and whichever roots are asked for", () => {
  // Each root draws from its own stream: BENCH_SHAPES=workers times the same workers shapes.
  const workers = generateShapes("workers", 5, 17, FIXTURES);
  expect(generateShapes("workers", 50, 17, FIXTURES).slice(0, 5)).toEqual(workers);
  expect(generateShapes("donors", 5, 17, FIXTURES)[0].ours).not.toEqual(workers[0].ours);
});
