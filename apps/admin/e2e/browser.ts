import fs from "node:fs";
import { chromium, type BrowserContext, type Page } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

/** CI installs Debian's chromium (.ci/run); only a machine without it skips, and says so. */
export const haveChromium = fs.existsSync(CHROMIUM);

if (!haveChromium) {
  console.warn(
    `\n\n!!! E2E SKIPPED: no chromium at ${CHROMIUM}. Install it (apt-get install -y chromium) ` +
      `or set CHROMIUM_PATH. The admin app was NOT tested end to end. !!!\n\n`,
  );
}

/** Headless chromium on a desk-sized window, Indonesian locale, in a fresh profile dir. */
export function launchBrowser(profile: string): Promise<BrowserContext> {
  // A persistent context is how Playwright takes a fresh --user-data-dir of our own.
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    locale: "id-ID",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** Signs in on the sign-in page and waits for the dashboard. */
export async function signIn(
  page: Page,
  origin: string,
  email: string,
  password = "sertakan-demo",
) {
  await page.goto(origin + "/");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Kata sandi").fill(password);
  await page.getByRole("button", { name: "Masuk" }).click();
  await page.getByRole("heading", { name: "Dasbor cakupan" }).waitFor();
}
