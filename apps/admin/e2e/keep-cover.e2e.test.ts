import type { Page } from "playwright-core";
import type { ApiServer } from "./api-server";
import { haveChromium, openSession, signIn, type E2eSession } from "./browser";
import { recordTexts } from "./text-log";

const describeE2e = haveChromium ? describe : describe.skip;

// What keeps cover from leaking: a pledge ending this month is renewed from the "ending
// soon" list, its donor gets a receipt, and the next transfer comes in from a bank file.
describeE2e("keeping cover alive in the admin app", () => {
  let api: ApiServer;
  let page: Page;
  let session: E2eSession;
  const shot = (name: string) => session.shot(name);

  // Our own donor and worker, so nothing depends on which demo pledges end this month.
  const serial = 1000 + (Date.now() % 8999);
  const nik = `331001550795${serial}`;
  const workerName = "Siti Perpanjang Uji";
  const donorName = "CV Lestari Uji";
  const accountNumber = `E2E-${serial}`;
  let donorId = "";
  let today = "";

  async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const body = await page.evaluate(
      async ([q, v]) => {
        const res = await fetch("/graphql", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ query: q, variables: v }),
        });
        return res.json();
      },
      [query, variables] as const,
    );
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data as T;
  }

  beforeAll(async () => {
    session = await openSession();
    ({ api, page } = session);
  }, 180_000);

  afterAll(() => session?.close(), 60_000);

  afterEach(() => expect(session.consoleErrors).toEqual([]));

  test("a pledge ending this month, paid, set up through the API", async () => {
    await signIn(page, api.origin, "admin@sertakan.local");
    // Klaten's clock decides "this month", whatever the machine's zone.
    today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta" }).format(new Date());
    const { regions } = await gql<{ regions: { code: string }[] }>(
      `{ regions(parentCode: "33.10.01", first: 1) { code } }`,
    );
    const { registerWorker } = await gql<{ registerWorker: { id: string } }>(
      `mutation($input: RegisterWorkerInput!) { registerWorker(input: $input) { id } }`,
      {
        input: {
          nik,
          fullName: workerName,
          gender: "FEMALE",
          birthDate: "1995-07-15",
          occupation: "FARMER",
          villageCode: regions[0].code,
        },
      },
    );
    const { createDonor } = await gql<{ createDonor: { id: string } }>(
      `mutation($input: DonorInput!) { createDonor(input: $input) { id } }`,
      { input: { name: donorName, kind: "COMPANY", regionCode: "33.10", accountNumber } },
    );
    donorId = createDonor.id;
    await gql(`mutation($input: SponsorWorkersInput!) { sponsorWorkers(input: $input) { id } }`, {
      input: {
        donorId,
        workerIds: [registerWorker.id],
        package: "JKK_JKM",
        startMonth: today.slice(0, 7),
        months: 1,
      },
    });
    await gql(`mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { id } }`, {
      input: {
        donorId,
        amount: 16_800,
        paidAt: new Date().toISOString(),
        reference: `KW-${serial}`,
      },
    });
  }, 60_000);

  test("renew it for 12 months from the ending-soon list, with a live quote", async () => {
    await page.goto(`${api.origin}/donors/${donorId}`);
    await page.getByRole("heading", { name: donorName }).waitFor();
    await page.getByRole("link", { name: "Perpanjang semua yang akan berakhir" }).click();
    await page.getByRole("heading", { name: "Akan berakhir" }).waitFor();
    await page.getByText(/1 penanggungan akan berakhir/).waitFor();
    await page.getByRole("checkbox", { name: `Pilih penanggungan ${workerName}` }).check();
    // JKK+JKM at the minimum income, priced in the browser from the shared table.
    await page.getByText("Jumlah: Rp201.600").waitFor();
    await shot("30-renewals-quote");
    await page.getByRole("button", { name: "Perpanjang", exact: true }).click();
    await page.getByRole("button", { name: "Ya, perpanjang" }).click();
    await page.getByText("1 penanggungan diperpanjang.").waitFor();
    // Renewed, it no longer ends soon.
    await page
      .getByText("Tidak ada penanggungan aktif yang berakhir bulan ini atau bulan depan.")
      .waitFor();
  }, 60_000);

  test("the donor's receipt is a PDF", async () => {
    await page.goto(`${api.origin}/donors/${donorId}`);
    const link = page.getByRole("link", { name: `Kuitansi KW-${serial} (PDF, tab baru)` });
    const href = await link.getAttribute("href");
    // The session cookie of the page opens the document, as a click in a new tab would.
    const res = await page.request.get(new URL(href!, api.origin).toString());
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toMatch(/application\/pdf/);
    expect((await res.body()).subarray(0, 5).toString()).toBe("%PDF-");
  }, 60_000);

  test("a bank file pays the renewal once, even uploaded twice", async () => {
    const csv = [
      "paidOn,amount,reference,payerName,donorNumber",
      `${today},201600,TRF-${serial},CV LESTARI,${accountNumber}`,
    ].join("\n");
    const upload = async (open: () => Promise<unknown>) => {
      await open();
      await page.getByRole("heading", { name: "Impor mutasi bank" }).waitFor();
      await page.locator('input[type="file"]').setInputFiles({
        name: "mutasi.csv",
        mimeType: "text/csv",
        buffer: Buffer.from(csv),
      });
      await page.getByRole("button", { name: "Periksa (uji coba)" }).click();
    };
    // From the donor's page (owing the renewal, Rp201.600) through the menu: the donor stays
    // in the cache, to be shown again after the payment.
    await page.getByTestId("donor-outstanding").getByText("Rp201.600").waitFor();
    await upload(() => page.getByRole("link", { name: "Impor mutasi bank" }).click());
    await page.getByText(/Uji coba: 1 pembayaran siap dicatat \(Rp201\.600\)/).waitFor();
    await page.getByRole("cell", { name: "Nomor donatur" }).waitFor();
    await shot("31-bank-dry-run");
    await page.getByRole("button", { name: "Catat pembayaran" }).click();
    await page
      .getByText(/^1 pembayaran dicatat \(Rp201\.600\), 0 sudah tercatat sebelumnya/)
      .waitFor();
    // Back to the donor's page, from the cache: the amount owed before never shows again.
    const outstandingShown = await recordTexts(page, "donor-outstanding");
    await page.goBack();
    await page.getByTestId("donor-paid").getByText("Rp218.400").waitFor();
    expect(await outstandingShown()).toEqual(["Rp0"]);

    await upload(() => page.goto(`${api.origin}/payments/import`));
    await page
      .getByText(/Uji coba: 0 pembayaran siap dicatat .*1 sudah tercatat sebelumnya/)
      .waitFor();
    await shot("32-bank-second-upload");

    // The donor owes nothing: the 12 renewed months are paid.
    await page.goto(`${api.origin}/donors/${donorId}`);
    await page.getByTestId("donor-paid").getByText("Rp218.400").waitFor();
    expect(await page.getByTestId("donor-outstanding").textContent()).toBe("Rp0");
  }, 90_000);
});
