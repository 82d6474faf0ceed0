import fs from "node:fs";
import os from "node:os";
import path from "node:path";

// The seams stay where ARCHITECTURE.md draws them: no module imports itself back through
// others (a circle makes load order matter and hides who depends on whom), and no source
// file grows past what a reader takes in at once.

const repoRoot = path.resolve(__dirname, "../../..");
const SOURCE_ROOTS = [
  "apps/api/src",
  "apps/admin/src",
  "apps/admin/e2e",
  "apps/playground/src",
  "packages/schema/src",
  "packages/client/src",
  "tools/bench/src",
];
const MAX_LINES = 400;
// Generated code is not ours to shape.
const SKIP_DIRS = new Set(["node_modules", "dist", "gql", "generated"]);

function sourceFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (SKIP_DIRS.has(entry.name)) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ts|tsx|mjs)$/.test(entry.name) && !entry.name.endsWith(".d.ts"))
        files.push(full);
    }
  };
  for (const root of SOURCE_ROOTS) {
    const dir = path.join(repoRoot, root);
    if (fs.existsSync(dir)) walk(dir);
  }
  return files;
}

const IMPORT = /^\s*(?:import|export)\s[^'"]*?\sfrom\s+["'](\.{1,2}\/[^"']+)["']/gm;

function resolveImport(from: string, spec: string): string | null {
  const base = path.resolve(path.dirname(from), spec);
  const candidates = [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    `${base}.mjs`,
    path.join(base, "index.ts"),
  ];
  // An ESM-style "./x.js" import names the x.ts source.
  if (base.endsWith(".js")) candidates.push(base.replace(/\.js$/, ".ts"));
  return candidates.find((c) => fs.existsSync(c) && fs.statSync(c).isFile()) ?? null;
}

function importCycles(files: string[]): string[][] {
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const text = fs.readFileSync(file, "utf8");
    const deps = [...text.matchAll(IMPORT)]
      .map((m) => resolveImport(file, m[1]))
      .filter((d): d is string => d !== null);
    graph.set(file, deps);
  }
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (node: string) => {
    state.set(node, "open");
    stack.push(node);
    for (const dep of graph.get(node) ?? []) {
      if (state.get(dep) === "open") cycles.push([...stack.slice(stack.indexOf(dep)), dep]);
      else if (!state.has(dep)) visit(dep);
    }
    stack.pop();
    state.set(node, "done");
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return cycles.map((c) => c.map((f) => path.relative(repoRoot, f)));
}

describe("the shape of the source tree", () => {
  const files = sourceFiles();

  test("finds the source files it judges", () => {
    expect(files.length).toBeGreaterThan(200);
  });

  test("no import circle, type imports included", () => {
    expect(importCycles(files).map((c) => c.join(" -> "))).toEqual([]);
  });

  test(`no source file over ${MAX_LINES} lines`, () => {
    const long = files
      .map((f) => ({
        file: path.relative(repoRoot, f),
        lines: fs.readFileSync(f, "utf8").split("\n").length - 1,
      }))
      .filter((f) => f.lines > MAX_LINES)
      .map((f) => `${f.file}: ${f.lines} lines`);
    expect(long).toEqual([]);
  });

  test("the circle finder sees a circle when there is one", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sertakan-cycle-"));
    const a = path.join(dir, "a.ts");
    const b = path.join(dir, "b.ts");
    fs.writeFileSync(a, 'import { b } from "./b";\nexport const a = b;\n');
    fs.writeFileSync(
      b,
      'import type { a } from "./a";\nexport const b = 1 as unknown as typeof a;\n',
    );
    try {
      expect(importCycles([a, b])).toHaveLength(1);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
