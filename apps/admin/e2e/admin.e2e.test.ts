import type { Page } from "playwright-core";
import type { ApiServer } from "./api-server";
import { haveChromium, openSession, signIn as signInAs, type E2eSession } from "./browser";
import { recordTexts } from "./text-log";

const PASSWORD = "sertakan-demo";

const describeE2e = haveChromium ? describe : describe.skip;

describeE2e("the admin app against the real API", () => {
  let api: ApiServer;
  let page: Page;
  let session: E2eSession;

  const shot = (name: string) => session.shot(name);

  const signIn = (email: string) => signInAs(page, api.origin, email, PASSWORD);

  async function kpi(testId: string): Promise<string> {
    const locator = page.getByTestId(testId);
    await locator.waitFor();
    return (await locator.textContent()) ?? "";
  }

  async function pick(label: string, option: string | RegExp) {
    // Forced: a MultiSelect's pill box sits over its input and takes the click itself.
    await page.getByRole("combobox", { name: label, exact: true }).click({ force: true });
    await page.getByRole("option", { name: option }).first().click();
  }

  beforeAll(async () => {
    session = await openSession();
    ({ api, page } = session);
  }, 180_000);

  afterAll(() => session?.close(), 60_000);

  afterEach(() => {
    // A console error is a bug even when the page looks right.
    expect(session.consoleErrors).toEqual([]);
  });

  // A woman born 15 July 1995, issued in Prambanan; the serial varies so a reused
  // database (E2E_ORIGIN) does not already hold it.
  const nik = `331001550795${1000 + (Date.now() % 8999)}`;
  const workerName = "Sri Wahyuni Uji";
  let activeBefore = 0;
  let paidBefore = 0;
  let donorPath = "";
  const digits = (s: string) => Number(s.replace(/\D/g, ""));

  test("sign in as admin lands on the dashboard in Bahasa Indonesia", async () => {
    await page.goto(api.origin + "/");
    await page.getByRole("button", { name: "Masuk" }).waitFor();
    await shot("01-sign-in");
    await signIn("admin@sertakan.local");
    activeBefore = digits(await kpi("kpi-active"));
    paidBefore = digits(await kpi("kpi-contributions"));
    expect(await kpi("kpi-contributions")).toMatch(/^Rp[\d.]+$/);
    await page.getByRole("heading", { name: "24 bulan terakhir" }).waitFor();
    await shot("02-dashboard");
  }, 60_000);

  test("the workers list keeps its filters in the URL", async () => {
    await page.getByRole("link", { name: "Pekerja", exact: true }).click();
    await page.getByRole("heading", { name: "Pekerja" }).waitFor();
    await pick("Pekerjaan", "Petani");
    await page.keyboard.press("Escape");
    await page.waitForURL(/occupation=FARMER/);
    await page.getByRole("cell", { name: "Petani" }).first().waitFor();
    await shot("03-workers");
  }, 60_000);

  test("register a worker: a bad NIK is flagged at the field, then a good one derives the rest", async () => {
    await page.getByRole("link", { name: "Daftarkan pekerja" }).click();
    const nikInput = page.getByRole("textbox", { name: "NIK" });
    await nikInput.fill("3310015507950000");
    // Judged as typed, with the shared rules: serial 0000 does not exist.
    await page.getByText("Empat digit terakhir NIK tidak boleh 0000.").waitFor();
    await shot("04-register-bad-nik");
    await nikInput.fill(nik);
    await page
      .getByText(/Perempuan, lahir 15 Juli 1995, NIK terbit di Kecamatan Prambanan/)
      .waitFor();
    await page.getByRole("textbox", { name: "Nama lengkap" }).fill(workerName);
    await pick("Pekerjaan", "Pedagang kaki lima");
    // The domicile cascade starts at the NIK's district; only the village is left.
    await pick("Desa/kelurahan", /.+/);
    await shot("05-register-filled");
    await page.getByRole("button", { name: "Daftarkan", exact: true }).click();
    await page.getByRole("heading", { name: workerName }).waitFor();
    await page.getByText("Cakupan per bulan").waitFor();
    await shot("06-worker-detail");
  }, 60_000);

  test("the API's duplicate-NIK error shows next to the NIK field", async () => {
    await page.goto(api.origin + "/workers/new");
    await page.getByRole("textbox", { name: "NIK" }).fill(nik);
    await page.getByRole("textbox", { name: "Nama lengkap" }).fill("Orang Lain");
    await pick("Pekerjaan", "Petani");
    await pick("Desa/kelurahan", /.+/);
    await page.getByRole("button", { name: "Daftarkan", exact: true }).click();
    const error = page.getByText("Pekerja dengan NIK ini sudah terdaftar.");
    await error.waitFor();
    // Mantine ties the message to its input: the NIK field itself is described by it.
    const describedBy = await page
      .getByRole("textbox", { name: "NIK" })
      .getAttribute("aria-describedby");
    expect(describedBy).toContain(await error.getAttribute("id"));
  }, 60_000);

  test("a CSV import reports a bad row on its line in the dry run, then imports the rest", async () => {
    const village = await page.evaluate(async () => {
      const res = await fetch("/graphql", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: '{ regions(parentCode: "33.10.02", first: 1) { code } }' }),
      });
      return ((await res.json()) as { data: { regions: { code: string }[] } }).data.regions[0].code;
    });
    const serial = 1000 + ((Date.now() + 7) % 8999);
    const csv = [
      "nik,fullName,occupation,villageCode",
      `331002170885${serial},Budi Impor,FARMER,${village}`,
      `3310021708850000,Baris Salah,FARMER,${village}`,
    ].join("\n");
    await page.goto(api.origin + "/workers/import");
    await page.locator('input[type="file"]').setInputFiles({
      name: "pekerja.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(csv),
    });
    await page.getByText("Pratinjau (2 baris)").waitFor();
    await page.getByRole("button", { name: "Uji coba" }).click();
    await page
      .getByText(/Uji coba: 1 baris siap diimpor, 0 NIK sudah terdaftar, 1 baris bermasalah/)
      .waitFor();
    await page.getByRole("row", { name: /^3 nik / }).waitFor();
    await shot("13-import-dry-run");
    await page.getByRole("button", { name: "Impor", exact: true }).click();
    await page.getByText(/Selesai: 1 pekerja diimpor/).waitFor();
  }, 60_000);

  test("a new donor sponsors the worker with a live quote, then pays", async () => {
    await page.goto(api.origin + "/donors/new");
    await page.getByRole("textbox", { name: "Nama" }).first().fill("Toko Makmur Uji");
    await pick("Jenis donatur", "Perorangan");
    await pick("Provinsi", "Jawa Tengah");
    await pick("Kabupaten/kota", "Kabupaten Klaten");
    await page.getByRole("button", { name: "Simpan" }).click();
    await page.getByRole("heading", { name: "Toko Makmur Uji" }).waitFor();
    donorPath = new URL(page.url()).pathname;
    await shot("07-donor-new");
    // The dashboard, seen now, stays in the cache while the donor pledges and pays.
    await page.getByRole("link", { name: "Dasbor", exact: true }).click();
    expect(digits(await kpi("kpi-active"))).toBe(activeBefore);
    await page.goBack();
    await page.getByRole("heading", { name: "Toko Makmur Uji" }).waitFor();

    await page.getByRole("link", { name: "Tanggung pekerja" }).click();
    await page.getByRole("textbox", { name: "Cari" }).fill(nik);
    await page
      .getByRole("row", { name: new RegExp(nik) })
      .getByRole("checkbox", { name: `Pilih ${workerName}` })
      .check();
    const months = page.getByRole("textbox", { name: "Bulan" });
    await months.fill("3");
    // Priced in the browser from the shared price table: JKK+JKM at the minimum income.
    await page
      .getByTestId("live-quote")
      .getByText(/Rp16\.800 per pekerja per bulan × 1 pekerja × 3 bulan = Rp50\.400/)
      .waitFor();
    await shot("08-sponsor-quote");
    await page.getByRole("button", { name: "Tinjau" }).click();
    // The donor's page opened (with Rp0 owed) before the pledge and comes back from the
    // cache: every amount it shows from now on, however briefly, is logged.
    const outstandingShown = await recordTexts(page, "donor-outstanding");
    await page.getByRole("button", { name: "Konfirmasi" }).click();
    await page.getByRole("heading", { name: "Toko Makmur Uji" }).waitFor();
    await page.getByTestId("donor-outstanding").getByText("Rp50.400").waitFor();
    expect(await outstandingShown()).toEqual(["Rp50.400"]);
    expect(await kpi("donor-outstanding")).toBe("Rp50.400");

    await page.getByRole("textbox", { name: "Nomor referensi" }).fill("KW-UJI-001");
    await expect(page.getByRole("textbox", { name: "Jumlah" }).inputValue()).resolves.toBe(
      "Rp50.400",
    );
    await page.getByRole("button", { name: "Simpan pembayaran" }).click();
    await page.getByTestId("donor-paid").getByText("Rp50.400").waitFor();
    expect(await kpi("donor-outstanding")).toBe("Rp0");
    await page.getByRole("cell", { name: "KW-UJI-001", exact: true }).waitFor();
    await shot("09-donor-paid");
  }, 90_000);

  test("the dashboard counts the newly covered worker and this month's contribution", async () => {
    // The dashboard was opened before the pledge and the payment: none of its old counts
    // may show, not even while it asks the server again.
    const activeShown = await recordTexts(page, "kpi-active");
    const paidShown = await recordTexts(page, "kpi-contributions");
    await page.getByRole("link", { name: "Dasbor", exact: true }).click();
    await page.getByRole("heading", { name: "Dasbor cakupan" }).waitFor();
    await page.waitForFunction(
      (expected) =>
        document.querySelector('[data-testid="kpi-active"]')?.textContent?.replace(/\D/g, "") ===
        String(expected),
      activeBefore + 1,
    );
    expect(digits(await kpi("kpi-contributions"))).toBe(paidBefore + 16_800);
    expect((await activeShown()).map(digits)).toEqual([activeBefore + 1]);
    expect((await paidShown()).map(digits)).toEqual([paidBefore + 16_800]);
    await shot("10-dashboard-after");
  }, 60_000);

  test("switching to English translates the page and keeps the choice", async () => {
    await page.locator("label", { hasText: "English" }).click();
    await page.getByRole("heading", { name: "Coverage dashboard" }).waitFor();
    await page.getByText("Contributions this month").waitFor();
    await shot("11-dashboard-en");
    await page.reload();
    await page.getByRole("heading", { name: "Coverage dashboard" }).waitFor();
    await page.locator("label", { hasText: "Bahasa Indonesia" }).click();
    await page.getByRole("heading", { name: "Dasbor cakupan" }).waitFor();
  }, 60_000);

  test("at the PLKK counter the newly paid worker is protected today, and a report is ACCEPTED", async () => {
    await page.getByRole("link", { name: "Loket PLKK", exact: true }).click();
    await page.getByRole("heading", { name: "Loket PLKK" }).waitFor();
    await page.getByRole("textbox", { name: "NIK" }).fill(nik);
    // The day defaults to today in Klaten, the month the donor has just paid for.
    await page.getByRole("button", { name: "Periksa perlindungan" }).click();
    const answer = page.getByTestId("counter-answer");
    await answer.getByText("Terlindungi", { exact: true }).waitFor();
    await answer.getByText(new RegExp(workerName)).waitFor();
    await shot("22-counter-covered");

    await answer.getByRole("link", { name: "Laporkan kecelakaan" }).click();
    await page.getByRole("heading", { name: "Laporkan kecelakaan kerja" }).waitFor();
    await page.getByText(new RegExp(workerName)).waitFor();
    await pick("PLKK yang melapor", /.+/);
    // 00:00 WIB today is never in the future and always in today's (paid) month.
    await page.getByLabel("Jam kecelakaan").fill("00:00");
    await page.getByRole("textbox", { name: "Tempat kejadian" }).fill("Pasar Prambanan");
    await pick("Jenis kecelakaan", "Di tempat kerja");
    await page.getByRole("textbox", { name: "Nama pelapor" }).fill("Petugas Uji");
    await page.getByRole("button", { name: "Kirim laporan" }).click();
    await page.getByRole("heading", { name: `Kecelakaan kerja: ${workerName}` }).waitFor();
    const decision = page.getByTestId("accident-decision");
    await decision.getByText("Ditanggung", { exact: true }).waitFor();
    await decision.getByText(/sudah dibayar saat kecelakaan terjadi/).waitFor();
    await shot("23-accident-accepted");

    // The worker's page, opened before from the cache, lists the new report.
    await page.getByRole("link", { name: workerName }).click();
    await page.getByRole("heading", { name: workerName }).waitFor();
    const reports = page.getByRole("heading", { name: "Kecelakaan kerja", exact: true });
    await reports.waitFor();
    await page
      .getByRole("row", { name: /Pasar Prambanan/ })
      .getByText("Ditanggung")
      .waitFor();

    // The list shows it, and a filter on the decision keeps it in the URL.
    await page.getByRole("link", { name: "Kecelakaan kerja", exact: true }).click();
    await page.getByRole("heading", { name: "Kecelakaan kerja", exact: true }).waitFor();
    await pick("Keputusan", "Ditanggung");
    await page.keyboard.press("Escape");
    await page.waitForURL(/status=ACCEPTED/);
    await page
      .getByRole("row", { name: new RegExp(workerName) })
      .first()
      .waitFor();
    await shot("24-accidents-list");
  }, 90_000);

  test("partners, targets and the national admin's pages", async () => {
    await page.getByRole("link", { name: "Mitra", exact: true }).click();
    await page.getByRole("heading", { name: "Mitra", exact: true }).waitFor();
    await page.getByRole("row").nth(1).getByRole("link").click();
    await page.getByRole("heading", { name: "Kegiatan" }).waitFor();
    await shot("14-partner-detail");
    await page.getByRole("link", { name: "Target", exact: true }).click();
    await page.getByRole("heading", { name: "Target regional" }).waitFor();
    await page.getByRole("cell", { name: /Kabupaten Klaten/ }).waitFor();
    await shot("15-targets");
    await page.getByRole("link", { name: "Log audit" }).click();
    await page.getByRole("heading", { name: "Log audit" }).waitFor();
    await page.getByRole("cell", { name: "sponsorWorkers" }).first().waitFor();
    await shot("16-audit");
    await page.getByRole("link", { name: "Pengguna" }).click();
    await page.getByRole("heading", { name: "Pengguna", exact: true }).waitFor();
    await page.getByRole("cell", { name: "viewer.prambanan@sertakan.local" }).waitFor();
    await shot("17-users");
    await page.getByRole("link", { name: "Kunci API" }).click();
    await page.getByRole("heading", { name: "Kunci API", exact: true }).waitFor();
    await page.getByRole("textbox", { name: "Nama" }).fill("Program Dinas Uji");
    await page.getByRole("button", { name: "Buat kunci API" }).click();
    // The secret is shown once, to be copied now.
    await page.getByText("Simpan rahasia kunci ini sekarang").waitFor();
    await page.getByRole("cell", { name: "Program Dinas Uji" }).first().waitFor();
    await shot("18-api-keys");
    // After a dozen lazy pages the sign-in page's stylesheet still applies only inline (see
    // vite.config.ts): linked again, it would override Mantine's full stylesheet and the theme.
    const firstScreenLinks = await page.evaluate(() =>
      [...document.querySelectorAll('link[href*="first-screen-"][href$=".css"]')].map((link) =>
        link.getAttribute("media"),
      ),
    );
    expect(firstScreenLinks).toEqual(["not all"]);
  }, 90_000);

  test("add and edit a partner, edit a donor, cancel a sponsorship's unpaid months", async () => {
    await page.getByRole("link", { name: "Mitra", exact: true }).click();
    await page.getByRole("link", { name: "Tambah mitra" }).click();
    await page.getByRole("textbox", { name: "Nama", exact: true }).fill("Klinik Uji Sertakan");
    await pick("Jenis mitra", "PLKK klinik");
    await pick("Provinsi", "Jawa Tengah");
    await pick("Kabupaten/kota", "Kabupaten Klaten");
    await page.getByRole("textbox", { name: /Nomor perjanjian/ }).fill("PKS/UJI/001");
    await page.getByRole("button", { name: "Simpan" }).click();
    await page.getByRole("heading", { name: "Klinik Uji Sertakan" }).waitFor();
    await page.getByText(/PLKK klinik · Kabupaten Klaten · Aktif/).waitFor();
    await page.getByRole("link", { name: "Ubah" }).click();
    const name = page.getByRole("textbox", { name: "Nama", exact: true });
    await expect(name.inputValue()).resolves.toBe("Klinik Uji Sertakan");
    await name.fill("Klinik Uji Sertakan Sehat");
    await page.getByRole("switch", { name: "Aktif" }).uncheck({ force: true });
    await page.getByRole("button", { name: "Simpan" }).click();
    await page.getByRole("heading", { name: "Klinik Uji Sertakan Sehat" }).waitFor();
    await page.getByText(/Kabupaten Klaten · Tidak aktif/).waitFor();
    await page.getByText(/Perjanjian: PKS\/UJI\/001/).waitFor();
    await shot("19-partner-edited");

    await page.goto(api.origin + donorPath + "/edit");
    await page.getByRole("textbox", { name: "Nama", exact: true }).fill("Toko Makmur Jaya Uji");
    await page.getByRole("textbox", { name: "Narahubung" }).fill("Pak Harjo");
    await page.getByRole("button", { name: "Simpan" }).click();
    await page.getByRole("heading", { name: "Toko Makmur Jaya Uji" }).waitFor();
    await page.getByText(/Perorangan · .* · Pak Harjo/).waitFor();

    // The worker imported above, pledged for one month and not paid: the month is DUE.
    await page.getByRole("link", { name: "Tanggung pekerja" }).click();
    await page.getByRole("textbox", { name: "Cari" }).fill("Budi Impor");
    await page.getByRole("checkbox", { name: "Pilih Budi Impor" }).first().check();
    await page.getByRole("textbox", { name: "Bulan" }).fill("1");
    await page.getByRole("button", { name: "Tinjau" }).click();
    await page.getByRole("button", { name: "Konfirmasi" }).click();
    await page.getByRole("heading", { name: "Toko Makmur Jaya Uji" }).waitFor();
    // The paid sponsorship has nothing left to cancel; the new one has.
    const cancel = page.getByRole("button", { name: /^Batalkan penanggungan / });
    await cancel.waitFor();
    expect(await cancel.count()).toBe(1);
    await cancel.click();
    const dialog = page.getByRole("dialog", { name: "Batalkan penanggungan" });
    await dialog.getByText(/tetap lunas, tetapi penanggungan ini belum dibayar/).waitFor();
    await dialog.getByRole("textbox", { name: /Alasan pembatalan/ }).fill("Donatur menunda uji");
    await shot("20-cancel-sponsorship");
    await dialog.getByRole("button", { name: "Batalkan penanggungan", exact: true }).click();
    const row = page.getByRole("row", { name: /Budi Impor/ });
    await row.getByText("Dibatalkan").waitFor();
    await row.getByText("Donatur menunda uji").waitFor();
    expect(await cancel.count()).toBe(0);
    await shot("21-sponsorship-cancelled");
  }, 90_000);

  test("a VIEWER sees masked NIKs and no write actions", async () => {
    await page.getByRole("button", { name: "Keluar" }).click();
    await page.getByRole("button", { name: "Masuk" }).waitFor();
    await signIn("viewer.prambanan@sertakan.local");
    await page.getByRole("link", { name: "Pekerja", exact: true }).click();
    await page
      .getByRole("cell", { name: /^3310\*+\d{4}$/ })
      .first()
      .waitFor();
    expect(await page.getByRole("link", { name: "Daftarkan pekerja" }).count()).toBe(0);
    expect(await page.getByRole("link", { name: "Log audit" }).count()).toBe(0);
    // The counter check is an officer's job: a VIEWER has no link to it.
    expect(await page.getByRole("link", { name: "Loket PLKK" }).count()).toBe(0);
    await shot("12-workers-viewer");
    await page.getByRole("link", { name: "Mitra", exact: true }).click();
    await page.getByRole("heading", { name: "Mitra", exact: true }).waitFor();
    expect(await page.getByRole("link", { name: "Tambah mitra" }).count()).toBe(0);
    // A form opened by its address says at once that this account may not change data.
    await page.goto(api.origin + "/partners/new");
    await page.getByText("Akun Anda tidak memiliki akses ke data ini.").waitFor();
    expect(await page.getByRole("button", { name: "Simpan" }).count()).toBe(0);
  }, 60_000);
});
