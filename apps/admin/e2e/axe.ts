import fs from "node:fs";
import type { AxeResults, RunOptions } from "axe-core";
import type { Page } from "playwright-core";

const AXE_SOURCE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

type Axe = { run: (context: Document, options: RunOptions) => Promise<AxeResults> };

/** What a person needs to act on a violation: the rule, its impact, the element, the fix. */
export type Finding = string;

/**
 * axe-core's serious and critical violations on the page as it is now, one line per element.
 * Evaluated rather than added as a <script> tag: the app's CSP refuses inline scripts.
 */
export async function seriousViolations(page: Page): Promise<Finding[]> {
  const injected = await page.evaluate(() => "axe" in window);
  if (!injected) await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(() =>
    (window as unknown as { axe: Axe }).axe.run(document, { resultTypes: ["violations"] }),
  );
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) =>
      v.nodes.map(
        (node) =>
          `${v.id} (${v.impact}) at ${node.target.join(" ")}: ${v.help}. ` +
          (node.failureSummary ?? "").replace(/\s+/g, " ").trim(),
      ),
    );
}
