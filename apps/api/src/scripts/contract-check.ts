import fs from "node:fs";
import path from "node:path";
import { contractGaps } from "../graphql/contract";

// `npm run contract:check`: lists what of packages/schema/contract/schema.graphql the
// emitted packages/schema/schema.graphql is missing or breaks; exits 1 if anything.
const root = path.resolve(__dirname, "../../../../packages/schema");
const contract = fs.readFileSync(path.join(root, "contract/schema.graphql"), "utf8");
const emitted = fs.readFileSync(path.join(root, "schema.graphql"), "utf8");
const gaps = contractGaps(contract, emitted);
for (const gap of gaps) console.log(`${gap.type.padEnd(32)} ${gap.description}`);
console.log(
  gaps.length
    ? `contract: ${gaps.length} missing or broken`
    : "contract: held, nothing missing or broken",
);
process.exit(gaps.length ? 1 : 0);
