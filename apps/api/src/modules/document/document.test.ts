import { maskNik } from "@sertakan/schema";
import { registerWorkers } from "../../test/fixtures";
import { TestServer, startTestServer } from "../../test/test-server";
import { pdfText } from "./pdf-text";

// Receipts and statements as PDF, read back as text. The clock is the test's own:
// pledges in November 2026, then 6 December 2026, 10:00 WIB, when the documents are printed.
let clock = new Date("2026-11-25T03:00:00Z");
let t: TestServer;
let admin: string;
let donor: string;
let first: string; // 3 × Rp16,800 for November
let second: string; // one December month and Rp1,000 credit
const niks: string[] = [];

const SPONSOR = `mutation($input: SponsorWorkersInput!) { sponsorWorkers(input: $input) { id } }`;
const PAY = `mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { id } }`;
const DONOR = `mutation($input: DonorInput!) { createDonor(input: $input) { id } }`;

type ErrorBody = {
  errors: { message: string; extensions: { code: string; fieldErrors: { field: string }[] } }[];
};
type Answer = { status: number; type: string; json?: ErrorBody; text?: string; headers?: Headers };

/** GETs a document; a PDF comes back as its text with whitespace runs made single spaces. */
async function get(
  path: string,
  auth: { token?: string | null; cookie?: string } = {},
): Promise<Answer> {
  const token = auth.token === undefined ? admin : auth.token;
  const res = await fetch(`${t.baseUrl}${path}`, {
    headers: {
      ...(token && !auth.cookie ? { authorization: `Bearer ${token}` } : {}),
      ...(auth.cookie ? { cookie: auth.cookie } : {}),
    },
  });
  const type = res.headers.get("content-type") ?? "";
  if (!type.startsWith("application/pdf"))
    return { status: res.status, type, json: (await res.json()) as ErrorBody };
  const text = await pdfText(Buffer.from(await res.arrayBuffer()));
  return { status: res.status, type, text: text.replace(/\s+/g, " "), headers: res.headers };
}

beforeAll(async () => {
  t = await startTestServer({}, { now: () => clock });
  admin = await t.tokenFor("ADMIN", null);
  const workers = await registerWorkers(t, 3, { namePrefix: "Buruh Tani" });
  const rows = await t.server.dataSource.query(
    `SELECT nik FROM worker WHERE id = ANY($1::uuid[]) ORDER BY full_name`,
    [workers],
  );
  niks.push(...rows.map((r: { nik: string }) => r.nik));
  const created = await t.gql(DONOR, {
    input: {
      kind: "COMPANY",
      name: "PT Sentosa Klaten",
      regionCode: "33.10",
      contactName: "Bu Rina",
      phone: "0272-555-0101",
    },
  });
  donor = created.data!.createDonor.id;
  const pledge = await t.gql(SPONSOR, {
    input: {
      donorId: donor,
      workerIds: workers,
      package: "JKK_JKM",
      startMonth: "2026-11",
      months: 3,
    },
  });
  expect(pledge.errors).toBeUndefined();
  const pay = async (amount: number, reference: string, paidAt: string) =>
    (await t.gql(PAY, { input: { donorId: donor, amount, reference, paidAt } })).data!.recordPayment
      .id as string;
  // November for the three workers, then one December month and Rp1,000 left over.
  first = await pay(50_400, "KW-2026-0001", "2026-11-20T09:00:00+07:00");
  clock = new Date("2026-12-06T03:00:00Z");
  second = await pay(17_800, "KW-2026-0002", "2026-12-02T23:30:00+07:00");
});
afterAll(() => t.close());

describe("GET /documents/payments/:id/receipt.pdf", () => {
  it("prints the reference, the amount in figures and words, the months, masked NIKs and the branch", async () => {
    const res = await get(`/documents/payments/${first}/receipt.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers!.get("cache-control")).toBe("private, no-store");
    expect(res.headers!.get("content-disposition")).toBe(
      'inline; filename="kuitansi-KW-2026-0001.pdf"',
    );
    const text = res.text!;
    expect(text).toContain("KUITANSI");
    expect(text).toContain("No. kuitansi KW-2026-0001");
    expect(text).toContain("Tanggal pembayaran 20 November 2026");
    expect(text).toContain("Uang sejumlah Rp50.400");
    expect(text).toContain("Terbilang lima puluh ribu empat ratus rupiah");
    expect(text).toContain("Donatur PT Sentosa Klaten Jenis donatur Perusahaan (CSR)");
    expect(text).toMatch(/Kantor cabang Kab(upaten|\.) Klaten/i);
    // Each month paid, with its worker and masked NIK; never the full NIK, even for an ADMIN.
    for (const [i, nik] of niks.entries()) {
      expect(text).toContain(
        `November 2026 Buruh Tani ${String(i + 1).padStart(4, "0")} ${maskNik(nik)} JKK+JKM Rp16.800`,
      );
      expect(text).not.toContain(nik);
    }
    expect(text).toContain("Jumlah untuk iuran Rp50.400");
    expect(text).not.toContain("Sisa (kredit)");
    // ADMIN sees the donor's phone.
    expect(text).toContain("Telepon 0272-555-0101");
  });

  it("shows what was left over as credit", async () => {
    const { text } = await get(`/documents/payments/${second}/receipt.pdf`);
    expect(text).toContain("Uang sejumlah Rp17.800");
    expect(text).toContain("Terbilang tujuh belas ribu delapan ratus rupiah");
    // 23:30 WIB on 2 December is still 2 December.
    expect(text).toContain("Tanggal pembayaran 2 Desember 2026");
    expect(text).toContain(`Desember 2026 Buruh Tani 0001 ${maskNik(niks[0])} JKK+JKM Rp16.800`);
    expect(text).toContain("Sisa (kredit) Rp1.000");
  });
});

describe("GET /documents/donors/:id/statement.pdf", () => {
  it("totals the period's months paid and due, the payments and the credit", async () => {
    const res = await get(`/documents/donors/${donor}/statement.pdf?from=2026-11&to=2027-01`);
    expect(res.status).toBe(200);
    const text = res.text!;
    expect(text).toContain("LAPORAN DONATUR");
    expect(text).toContain("Periode November 2026 s.d. Januari 2027");
    // 9 months pledged: 4 paid (3 Nov + 1 Dec), 5 DUE, of which 2 (December) have fallen due.
    expect(text).toContain("Iuran dibayar 4 bulan, Rp67.200");
    expect(text).toContain("Iuran belum dibayar 5 bulan, Rp84.000");
    expect(text).toContain("Sudah jatuh tempo 2 bulan, Rp33.600 (s.d. Desember 2026)");
    expect(text).toContain("Pembayaran diterima 2 kali, Rp68.200");
    expect(text).toContain("Kredit saat ini Rp1.000");
    expect(text).toContain(
      `Buruh Tani 0001 ${maskNik(niks[0])} JKK+JKM Rp16.800 2026-11/2027-01 2 Rp33.600 1 Rp16.800`,
    );
    expect(text).toContain(
      `Buruh Tani 0002 ${maskNik(niks[1])} JKK+JKM Rp16.800 2026-11/2027-01 1 Rp16.800 2 Rp33.600`,
    );
    expect(text).toContain("Total (3 sponsor) 4 Rp67.200 5 Rp84.000");
    expect(text).toContain("20 November 2026 KW-2026-0001 Rp50.400");
    expect(text).toContain("2 Desember 2026 KW-2026-0002 Rp17.800");
    expect(text).toContain("Total Rp68.200");
    for (const nik of niks) expect(text).not.toContain(nik);
  });

  it("counts only the period's months and payments", async () => {
    const { text } = await get(`/documents/donors/${donor}/statement.pdf?from=2026-12&to=2026-12`);
    expect(text).toContain("Iuran dibayar 1 bulan, Rp16.800");
    expect(text).toContain("Iuran belum dibayar 2 bulan, Rp33.600");
    expect(text).toContain("Pembayaran diterima 1 kali, Rp17.800");
    expect(text).not.toContain("KW-2026-0001");
  });

  it("defaults to the twelve months up to the current one", async () => {
    const { text } = await get(`/documents/donors/${donor}/statement.pdf`);
    expect(text).toContain("Periode Januari 2026 s.d. Desember 2026");
    expect(text).toContain("Iuran dibayar 4 bulan, Rp67.200");
  });
});

describe("access", () => {
  it("answers 401 without a session, and accepts the admin app's cookie", async () => {
    const anonymous = await get(`/documents/payments/${first}/receipt.pdf`, { token: null });
    expect(anonymous.status).toBe(401);
    expect(anonymous.json!.errors[0].extensions.code).toBe("UNAUTHENTICATED");
    const bad = await get(`/documents/donors/${donor}/statement.pdf`, { token: "sts_nope" });
    expect(bad.status).toBe(401);
    const cookie = await get(`/documents/payments/${first}/receipt.pdf`, {
      cookie: `sertakan_session=${admin}`,
    });
    expect(cookie.status).toBe(200);
    expect(cookie.text).toContain("KW-2026-0001");
  });

  it("answers 404 outside the caller's scope and for unknown ids", async () => {
    const sukoharjo = await t.tokenFor("OFFICER", "33.11");
    for (const path of [
      `/documents/payments/${first}/receipt.pdf`,
      `/documents/donors/${donor}/statement.pdf`,
      `/documents/payments/00000000-0000-4000-8000-000000000000/receipt.pdf`,
      `/documents/donors/00000000-0000-4000-8000-000000000000/statement.pdf`,
      `/documents/nothing-here`,
    ]) {
      const res = await get(path, { token: path.includes("0000-4000") ? admin : sukoharjo });
      expect([path, res.status, res.json?.errors[0].extensions.code]).toEqual([
        path,
        404,
        "NOT_FOUND",
      ]);
    }
    const klaten = await t.tokenFor("OFFICER", "33.10");
    expect((await get(`/documents/donors/${donor}/statement.pdf`, { token: klaten })).status).toBe(
      200,
    );
  });

  it.each([
    [`statement.pdf?from=2026-13&to=2026-12`, "from"],
    [`statement.pdf?from=2026-12&to=2026-11`, "from"],
    [`statement.pdf?from=2021-01&to=2026-12`, "to"],
    [`statement.pdf?to=12-2026`, "to"],
  ])("answers 400 BAD_USER_INPUT for %s", async (query, field) => {
    const res = await get(`/documents/donors/${donor}/${query}`);
    expect(res.status).toBe(400);
    expect(res.json!.errors[0].extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      fieldErrors: [{ field }],
    });
  });

  it("answers 400 for an id that is no uuid", async () => {
    for (const path of [
      "/documents/payments/42/receipt.pdf",
      "/documents/donors/abc/statement.pdf",
    ]) {
      const res = await get(path);
      expect([res.status, res.json!.errors[0].extensions.code]).toEqual([400, "BAD_USER_INPUT"]);
    }
  });

  it("names only the workers inside an officer's scope", async () => {
    // A Prambanan donor pays for a worker in Prambanan and one in Gantiwarno.
    const [inside] = await registerWorkers(t, 1, { serialFrom: 100, namePrefix: "Warga Dalam" });
    const [outside] = await registerWorkers(t, 1, {
      village: "33.10.02.2001",
      serialFrom: 100,
      namePrefix: "Warga Luar",
    });
    const local = await t.gql(DONOR, {
      input: { kind: "COMMUNITY", name: "Paguyuban Prambanan", regionCode: "33.10.01" },
    });
    const donorId = local.data!.createDonor.id;
    await t.gql(SPONSOR, {
      input: {
        donorId,
        workerIds: [inside, outside],
        package: "JKK_JKM",
        startMonth: "2026-12",
        months: 1,
      },
    });
    const paid = await t.gql(PAY, {
      input: { donorId, amount: 33_600, reference: "PGY-01", paidAt: "2026-12-05T10:00:00+07:00" },
    });
    const prambanan = await t.tokenFor("OFFICER", "33.10.01");
    const receipt = await get(`/documents/payments/${paid.data!.recordPayment.id}/receipt.pdf`, {
      token: prambanan,
    });
    expect(receipt.text).toContain("Desember 2026 Warga Dalam 0001");
    expect(receipt.text).toContain("Desember 2026 (di luar wilayah Anda) - JKK+JKM Rp16.800");
    expect(receipt.text).not.toContain("Warga Luar");
    expect(receipt.text).toContain("Jumlah untuk iuran Rp33.600");
    const statement = await get(
      `/documents/donors/${donorId}/statement.pdf?from=2026-12&to=2026-12`,
      { token: prambanan },
    );
    expect(statement.text).toContain("Total (1 sponsor) 1 Rp16.800 0 Rp0");
    expect(statement.text).not.toContain("Warga Luar");
  });

  it("gives a VIEWER masked NIKs and no phone number", async () => {
    const viewer = await t.tokenFor("VIEWER", "33.10");
    const receipt = await get(`/documents/payments/${first}/receipt.pdf`, { token: viewer });
    const statement = await get(
      `/documents/donors/${donor}/statement.pdf?from=2026-11&to=2027-01`,
      {
        token: viewer,
      },
    );
    for (const { status, text } of [receipt, statement]) {
      expect(status).toBe(200);
      expect(text).toContain(maskNik(niks[2]));
      expect(text).not.toContain(niks[2]);
      expect(text).not.toContain("0272-555-0101");
      expect(text).not.toContain("Telepon");
    }
    expect(statement.text).toContain("Iuran dibayar 4 bulan, Rp67.200");
  });
});
