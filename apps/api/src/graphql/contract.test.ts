import fs from "node:fs";
import path from "node:path";
import { buildSchema } from "graphql";
import { createSchema, printSortedSchema } from "../schema";
import { contractGaps } from "./contract";

const schemaDir = path.resolve(__dirname, "../../../../packages/schema");
const contract = fs.readFileSync(path.join(schemaDir, "contract/schema.graphql"), "utf8");

describe("the public contract", () => {
  it("is held by the schema the resolvers build: nothing removed, renamed or narrowed", async () => {
    const gaps = contractGaps(contract, await createSchema());
    expect(gaps.map((g) => `${g.type}: ${g.description}`)).toEqual([]);
  });

  it("is held by the emitted packages/schema/schema.graphql, which matches the resolvers", async () => {
    const emitted = fs.readFileSync(path.join(schemaDir, "schema.graphql"), "utf8");
    expect(contractGaps(contract, emitted)).toEqual([]);
    // A stale emitted file would let a break slip past clients that read it.
    expect(emitted).toContain(printSortedSchema(await createSchema()));
  });

  it("catches a break: a removed field and a new required argument fail the check", () => {
    const broken = contract
      .replace("  coveredThrough: YearMonth\n", "")
      .replace(
        "coverageStats(regionCode: ID!,",
        "coverageStats(regionCode: ID!, level: RegionLevel!,",
      );
    expect(broken).not.toBe(contract);
    const gaps = contractGaps(contract, buildSchema(broken)).map((g) => g.type);
    expect(gaps).toEqual(["FIELD_REMOVED", "REQUIRED_ARG_ADDED"]);
  });
});
