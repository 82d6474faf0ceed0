import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { startApiServer, type ApiServer } from "./api-server";

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

const ARTIFACTS = path.resolve(__dirname, "../test-artifacts");

/** A browser on a fresh profile and the API it drives, with the console errors it saw. */
export type E2eSession = {
  api: ApiServer;
  page: Page;
  consoleErrors: string[];
  /** A full-page screenshot into apps/admin/test-artifacts/ (git ignores it). */
  shot: (name: string) => Promise<unknown>;
  close: () => Promise<void>;
};

export async function openSession(): Promise<E2eSession> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "sertakan-chromium-"));
  const browser = await launchBrowser(profile);
  const page = browser.pages()[0] ?? (await browser.newPage());
  // Started after the browser, so a browser that fails leaves no API process behind.
  // E2E_ORIGIN reuses a running API (while writing tests); CI starts a fresh one.
  const api: ApiServer = process.env.E2E_ORIGIN
    ? { origin: process.env.E2E_ORIGIN, stop: async () => undefined }
    : await startApiServer();
  page.setDefaultTimeout(20_000);
  const consoleErrors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(m.text());
  });
  page.on("pageerror", (e) => consoleErrors.push(e.message));
  return {
    api,
    page,
    consoleErrors,
    shot: (name) => page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true }),
    close: async () => {
      await browser.close();
      await api.stop();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}
