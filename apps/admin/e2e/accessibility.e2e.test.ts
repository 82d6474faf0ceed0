import type { Page } from "playwright-core";
import { seriousViolations } from "./axe";
import { haveChromium, openSession, signIn, type E2eSession } from "./browser";
import { settled } from "./settled";

const describeE2e = haveChromium ? describe : describe.skip;

// axe-core on the screens an officer uses most, each once its data is on screen. A failure
// lists every offending element as "rule (impact) at selector: what to fix".
describeE2e("accessibility (axe-core: no serious or critical violation)", () => {
  let session: E2eSession;
  let page: Page;
  let origin = "";
  let donorPath = "";

  beforeAll(async () => {
    session = await openSession();
    page = session.page;
    origin = session.api.origin;
  }, 180_000);

  afterAll(() => session?.close(), 60_000);

  // A console error is a bug even when the page looks right; each test reports its own.
  afterEach(() => expect(session.consoleErrors.splice(0)).toEqual([]));

  test("the sign-in page, empty and with its field errors", async () => {
    await page.goto(origin + "/");
    await page.getByRole("button", { name: "Masuk" }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Masuk" }).click();
    await page.getByText("Masukkan kata sandi.").waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  }, 60_000);

  test("the dashboard", async () => {
    await signIn(page, origin, "admin@sertakan.local");
    await page.getByTestId("kpi-active").waitFor();
    // The charts load on their own: the last card has its heading once they are drawn.
    await page.getByRole("heading", { name: "24 bulan terakhir" }).waitFor();
    await settled(page);
    expect(await seriousViolations(page)).toEqual([]);
  }, 60_000);

  test("the workers list", async () => {
    await page.getByRole("link", { name: "Pekerja", exact: true }).click();
    await page.getByRole("heading", { name: "Pekerja", exact: true }).waitFor();
    await page.locator("main tbody tr a").first().waitFor();
    await settled(page);
    expect(await seriousViolations(page)).toEqual([]);
  }, 60_000);

  test("the new-worker form, with its field errors", async () => {
    await page.getByRole("link", { name: "Daftarkan pekerja" }).click();
    await page.getByRole("textbox", { name: "NIK" }).waitFor();
    // The domicile cascade is the last field to fill in itself.
    await page.getByRole("combobox", { name: "Provinsi" }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("textbox", { name: "NIK" }).fill("3310015507950000");
    await page.getByText("Empat digit terakhir NIK tidak boleh 0000.").waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  }, 60_000);

  test("a donor's page", async () => {
    await page.getByRole("link", { name: "Donatur", exact: true }).click();
    await page.getByRole("heading", { name: "Donatur", exact: true }).waitFor();
    const first = page.locator("main tbody tr a").first();
    donorPath = (await first.getAttribute("href")) ?? "";
    await first.click();
    await page.getByRole("heading", { name: "Catat pembayaran" }).waitFor();
    await page.getByRole("heading", { name: /^Penanggungan \(\d+\)$/ }).waitFor();
    await settled(page);
    expect(await seriousViolations(page)).toEqual([]);
  }, 60_000);

  test("sponsoring workers: the picker and the confirmation", async () => {
    expect(donorPath).toMatch(/^\/donors\//);
    await page.goto(origin + donorPath + "/sponsor");
    await page.getByRole("heading", { name: "Pilih pekerja" }).waitFor();
    const firstPick = page.getByRole("checkbox", { name: /^Pilih (?!semua)/ }).first();
    await firstPick.waitFor();
    await settled(page);
    expect(await seriousViolations(page)).toEqual([]);
    await firstPick.check();
    await page.getByText("1 pekerja dipilih").waitFor();
    await page.getByTestId("live-quote").waitFor();
    await page.getByRole("button", { name: "Tinjau" }).click();
    const dialog = page.getByRole("dialog", { name: "Konfirmasi penanggungan" });
    await dialog.waitFor();
    // Mantine fades the dialog in; axe would measure a half-transparent text's contrast.
    await page.waitForFunction(
      () => getComputedStyle(document.querySelector("[role=dialog]")!).opacity === "1",
    );
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole("button", { name: "Batal" }).click();
    await dialog.waitFor({ state: "hidden" });
  }, 60_000);
});
