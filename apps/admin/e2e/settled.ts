import type { Page } from "playwright-core";

// What a screen shows while a query is in flight: Mantine's loader, a visible skeleton, or a
// data table's fetching overlay.
const LOADING = [
  "main .mantine-Loader-root",
  "main .mantine-Skeleton-root[data-visible]",
  "main .mantine-datatable-loader-fetching",
].join(", ");

/** Waits until nothing in <main> is still loading; call it once the page's heading is there. */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction((selector) => !document.querySelector(selector), LOADING);
}
