import fs from "node:fs";
import path from "node:path";
import {
  buildSchema,
  getNamedType,
  isObjectType,
  parse,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FieldNode,
} from "graphql";

// Apollo's cache files every object under its key (`id`, or `code` for a Region, see
// lib/apollo.ts). A selection that leaves the key out cannot be written, and the page shows
// an "unexpected error" although the server answered: every document must ask for the key.

const SRC = path.resolve(__dirname, "..");
const schema = buildSchema(
  fs.readFileSync(path.resolve(__dirname, "../../../../packages/schema/schema.graphql"), "utf8"),
);
const KEY_OF: Record<string, string> = { Region: "code" };

function documents(): { file: string; doc: DocumentNode }[] {
  const found: { file: string; doc: DocumentNode }[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "gql") walk(full);
      } else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
        const text = fs.readFileSync(full, "utf8");
        for (const m of text.matchAll(/graphql\(`([\s\S]*?)`\)/g))
          found.push({ file: path.relative(SRC, full), doc: parse(m[1]) });
      }
    }
  };
  walk(SRC);
  return found;
}

/** "file: Type at path" for every selection of a keyed object type without its key. */
function missingKeys(file: string, doc: DocumentNode): string[] {
  const problems: string[] = [];
  const typeInfo = new TypeInfo(schema);
  visit(
    doc,
    visitWithTypeInfo(typeInfo, {
      Field(node: FieldNode) {
        const type = getNamedType(typeInfo.getType());
        if (!node.selectionSet || !type || !isObjectType(type)) return;
        const key = KEY_OF[type.name] ?? (type.getFields().id ? "id" : null);
        if (!key) return;
        const asked = node.selectionSet.selections.some(
          (s) => s.kind === "FragmentSpread" || (s.kind === "Field" && s.name.value === key),
        );
        if (!asked) problems.push(`${file}: ${type.name} at ${node.name.value} lacks ${key}`);
      },
    }),
  );
  return problems;
}

test("every document asks for the cache key of each object it selects", () => {
  const docs = documents();
  expect(docs.length).toBeGreaterThan(40);
  expect(docs.flatMap(({ file, doc }) => missingKeys(file, doc))).toEqual([]);
});

test("a selection without the key is caught", () => {
  const doc = parse(`query { worker(id: "w") { fullName village { name } } }`);
  expect(missingKeys("x.ts", doc)).toEqual([
    "x.ts: Worker at worker lacks id",
    "x.ts: Region at village lacks code",
  ]);
});
