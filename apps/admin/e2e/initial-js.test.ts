import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

const DIST = path.resolve(__dirname, "../dist");
// The budget for what a first visit downloads before anything is clicked.
const BUDGET_GZIP_BYTES = 300 * 1024;

/** The scripts index.html loads or preloads: the entry chunk and its static imports. */
function initialScripts(): string[] {
  const html = fs.readFileSync(path.join(DIST, "index.html"), "utf8");
  const refs = [
    ...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g),
  ].map((m) => m[1]);
  return [...new Set(refs)];
}

test("the initial JavaScript stays within 300 KB gzip (charts, import and pages load lazily)", () => {
  const scripts = initialScripts();
  expect(scripts.length).toBeGreaterThan(0);
  let total = 0;
  for (const src of scripts) {
    const bytes = gzipSync(fs.readFileSync(path.join(DIST, src.replace(/^\//, "")))).length;
    total += bytes;
  }
  console.log(
    `initial JS: ${(total / 1024).toFixed(1)} KB gzip in ${scripts.length} files (budget 300 KB)`,
  );
  expect(total).toBeLessThanOrEqual(BUDGET_GZIP_BYTES);
});
