import fs from "node:fs";
import path from "node:path";
import { createSchema, printSortedSchema } from "../schema";

// Build step: the schema this API serves, written where clients and the admin app read it.
async function main() {
  const target = path.resolve(__dirname, "../../../../packages/schema/schema.graphql");
  const sdl = printSortedSchema(await createSchema());
  const header =
    "# Emitted by `npm run build` from the API's resolvers. Do not edit: change the code.\n\n";
  fs.writeFileSync(target, header + sdl);
  console.log(`schema written to ${path.relative(process.cwd(), target)}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
