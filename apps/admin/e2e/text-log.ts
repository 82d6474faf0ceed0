import type { Page } from "playwright-core";

/**
 * Logs, from now on, every text the element `[data-testid=testId]` shows, however briefly: a
 * MutationObserver notes it after each change of the page, before the browser paints. The
 * log lives in this document, so it spans in-app navigation; after a reload reading it fails.
 * Returns a function that reads the log (each text once per run of equal texts).
 */
export async function recordTexts(page: Page, testId: string): Promise<() => Promise<string[]>> {
  const key = `__sertakanTexts:${testId}`;
  await page.evaluate(
    ([id, k]) => {
      const store = window as unknown as Record<string, { log: string[]; stop: () => void }>;
      store[k]?.stop();
      const log: string[] = [];
      const note = () => {
        const text = document.querySelector(`[data-testid="${id}"]`)?.textContent;
        if (text != null && log[log.length - 1] !== text) log.push(text);
      };
      const observer = new MutationObserver(note);
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      note();
      store[k] = { log, stop: () => observer.disconnect() };
    },
    [testId, key] as const,
  );
  return () =>
    page.evaluate((k) => {
      const store = window as unknown as Record<string, { log: string[] } | undefined>;
      const entry = store[k];
      if (!entry) throw new Error(`no text log ${k}: the page was reloaded`);
      return [...entry.log];
    }, key);
}
