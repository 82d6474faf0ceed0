// `npm test` for the playground: the build must work with no internet. It fails on any
// CDN or web-font address in the built files, on a page asset that is missing, and when
// Monaco's workers are not bundled.
import fs from "node:fs";
import path from "node:path";
import process from "node:process";

const dist = path.resolve(import.meta.dirname, "../dist");
const problems = [];
if (!fs.existsSync(path.join(dist, "index.html"))) {
  console.error("apps/playground/dist is missing: run `npm run build` first (npm test does).");
  process.exit(1);
}
const html = fs.readFileSync(path.join(dist, "index.html"), "utf8");
for (const [, ref] of html.matchAll(/(?:src|href)="([^"]+)"/g)) {
  if (!ref.startsWith("/playground/")) problems.push(`index.html loads ${ref}`);
  else if (!fs.existsSync(path.join(dist, ref.slice("/playground/".length))))
    problems.push(`index.html names a missing file: ${ref}`);
}
const CDN =
  /(esm\.sh|unpkg\.com|cdn\.jsdelivr\.net|cdnjs\.cloudflare\.com|fonts\.googleapis\.com|fonts\.gstatic\.com)/;
const assets = fs.readdirSync(path.join(dist, "assets"));
for (const file of assets) {
  const text = fs.readFileSync(path.join(dist, "assets", file), "latin1");
  const cdn = CDN.exec(text);
  if (cdn) problems.push(`${file} names ${cdn[1]}`);
  if (file.endsWith(".css"))
    for (const [, url] of text.matchAll(/url\(\s*["']?(https?:|\/\/)/g))
      problems.push(`${file} loads a remote url(${url}…)`);
}
for (const worker of ["editor.worker", "json.worker", "graphql.worker"])
  if (!assets.some((f) => f.startsWith(worker))) problems.push(`${worker} is not bundled`);

if (problems.length) {
  for (const p of problems) console.error(`playground: ${p}`);
  process.exit(1);
}
const bytes = assets.reduce((n, f) => n + fs.statSync(path.join(dist, "assets", f)).size, 0);
console.log(
  `playground: offline-ready, ${assets.length} files, ${(bytes / 1024 / 1024).toFixed(1)} MB`,
);
