// Audits one page with Lighthouse in Debian's chromium and prints a JSON summary on stdout.
// A separate Node process because Lighthouse is ESM-only and jest (ts-jest, CommonJS)
// cannot import it. Called by lighthouse.e2e.test.ts:
//   node lighthouse-runner.mjs '{"url":"…","chromium":"/usr/bin/chromium","cookie":"a=b","report":"x.html"}'
// cookie and report (where to write Lighthouse's HTML report) are optional.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import process from "node:process";
import lighthouse from "lighthouse";

const { url, chromium, cookie, report } = JSON.parse(process.argv[2]);

// The flags of e2e/browser.ts; the debugging port is chosen by chromium and read back.
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--remote-debugging-port=0",
];

/** Starts chromium on a fresh profile and resolves with its DevTools port. */
function launch(profile) {
  const child = spawn(chromium, [...FLAGS, `--user-data-dir=${profile}`, "about:blank"], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  const port = new Promise((resolve, reject) => {
    let output = "";
    child.stderr.on("data", (chunk) => {
      output += chunk;
      const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(output);
      if (match) resolve(Number(match[1]));
    });
    child.on("exit", (code) => reject(new Error(`chromium exited with ${code}:\n${output}`)));
  });
  return { child, port };
}

/** The fields a person needs to act on an audit that did not pass. */
function failing(lhr, category) {
  return lhr.categories[category].auditRefs
    .filter((ref) => ref.weight > 0)
    .map((ref) => lhr.audits[ref.id])
    .filter((audit) => audit.score !== null && audit.score < 1)
    .map(({ id, title, score, displayValue }) => ({ id, title, score, displayValue }));
}

/** The diagnostics behind a low performance score (they carry no weight of their own). */
function hints(lhr) {
  return lhr.categories.performance.auditRefs
    .filter((ref) => ref.weight === 0)
    .map((ref) => lhr.audits[ref.id])
    .filter((audit) => audit.score !== null && audit.score < 0.9 && audit.displayValue)
    .map(({ id, title, score, displayValue }) => ({ id, title, score, displayValue }));
}

const profile = fs.mkdtempSync(path.join(os.tmpdir(), "sertakan-lighthouse-"));
const browser = launch(profile);
// The test's timeout ends this process with SIGTERM: take chromium along.
process.once("SIGTERM", () => {
  browser.child.kill("SIGKILL");
  process.exit(1);
});
try {
  const result = await lighthouse(
    url,
    {
      port: await browser.port,
      output: "html",
      logLevel: "error",
      onlyCategories: ["performance", "accessibility", "best-practices"],
      // Sent with every request of the page, so the app's GraphQL calls are signed in too.
      extraHeaders: cookie ? { Cookie: cookie } : undefined,
    },
    // The default config: a mid-range phone on slow 4G, simulated ("simulate", mobile).
  );
  const lhr = result.lhr;
  if (lhr.runtimeError) throw new Error(`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
  const summary = {
    url: lhr.finalDisplayedUrl,
    warnings: lhr.runWarnings,
    // How fast this machine ran a fixed task: low while other work shares the CPU.
    benchmarkIndex: lhr.environment.benchmarkIndex,
    // What the page showed, so a test can tell the sign-in form from the signed-in shell.
    inputs: result.artifacts.Inputs.inputs.map((input) => input.type),
    scores: Object.fromEntries(
      Object.entries(lhr.categories).map(([id, category]) => [id, category.score]),
    ),
    failing: Object.fromEntries(Object.keys(lhr.categories).map((id) => [id, failing(lhr, id)])),
    hints: hints(lhr),
    metrics: Object.fromEntries(
      [
        "first-contentful-paint",
        "largest-contentful-paint",
        "total-blocking-time",
        "speed-index",
        "cumulative-layout-shift",
      ].map((id) => [id, lhr.audits[id]?.displayValue]),
    ),
  };
  if (report) fs.writeFileSync(report, result.report);
  process.stdout.write(JSON.stringify(summary));
} finally {
  // SIGTERM: chromium stops its helper processes too, which otherwise write into the profile.
  if (browser.child.exitCode === null && browser.child.signalCode === null) {
    const exited = new Promise((resolve) => browser.child.once("exit", resolve));
    browser.child.kill("SIGTERM");
    await exited;
  }
  fs.rmSync(profile, { recursive: true, force: true, maxRetries: 5 });
}
