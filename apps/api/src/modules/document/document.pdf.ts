import PDFDocument from "pdfkit";
import {
  DonorKind,
  ProgramPackage,
  formatDateId,
  formatRupiah,
  formatYearMonthId,
  isoDateOf,
  rupiahInWords,
} from "@sertakan/schema";
import type { DocumentDonor, Receipt, Statement } from "./document.service";

// Printed in Bahasa Indonesia: the donor files these in their own books (CSR, APBDes).
const KIND: Record<DonorKind, string> = {
  [DonorKind.INDIVIDUAL]: "Perorangan",
  [DonorKind.COMPANY]: "Perusahaan (CSR)",
  [DonorKind.LOCAL_GOVERNMENT]: "Pemerintah daerah (APBD)",
  [DonorKind.PLKK]: "PLKK",
  [DonorKind.AGENT]: "Agen Perisai",
  [DonorKind.ZAKAT_INSTITUTION]: "Lembaga zakat",
  [DonorKind.COMMUNITY]: "Komunitas",
  [DonorKind.CIVIL_SERVANT]: "ASN peduli",
};
const PACKAGE: Record<ProgramPackage, string> = {
  [ProgramPackage.JKK_JKM]: "JKK+JKM",
  [ProgramPackage.JKK_JKM_JHT]: "JKK+JKM+JHT",
};

const MARGIN = 40;
const WIDTH = 595.28 - 2 * MARGIN;
const BOTTOM = 841.89 - MARGIN;
const ROW = 12;

type Column = { title: string; width: number; align?: "left" | "right" };
type Doc = InstanceType<typeof PDFDocument>;

function newDocument(title: string, issuedAt: Date): Doc {
  // Built-in Helvetica: no font files; a fixed creation date keeps the bytes reproducible.
  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    info: { Title: title, Author: "Sertakan", CreationDate: issuedAt, ModDate: issuedAt },
  });
  doc.font("Helvetica");
  return doc;
}

function toBuffer(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.end();
  });
}

function heading(doc: Doc, title: string, subtitle: string) {
  doc.font("Helvetica-Bold").fontSize(14).text(title, MARGIN, MARGIN, { width: WIDTH });
  doc.font("Helvetica").fontSize(9).fillColor("#444").text(subtitle, { width: WIDTH });
  doc.fillColor("black").moveDown(0.8);
}

/** Label and value pairs, one a line. */
function fields(doc: Doc, pairs: [string, string | null][]) {
  doc.fontSize(9);
  for (const [label, value] of pairs) {
    if (value === null) continue;
    const y = doc.y;
    doc.font("Helvetica-Bold").text(label, MARGIN, y, { width: 130 });
    doc.font("Helvetica").text(value, MARGIN + 135, y, { width: WIDTH - 135 });
  }
  doc.moveDown(0.6);
}

function donorFields(donor: DocumentDonor, branch: string): [string, string | null][] {
  return [
    ["Donatur", donor.name],
    ["Jenis donatur", KIND[donor.kind as DonorKind] ?? donor.kind],
    ["NPWP", donor.taxId],
    ["Kontak", donor.contactName],
    ["Telepon", donor.phone],
    ["E-mail", donor.email],
    ["Wilayah donatur", donor.region],
    ["Kantor cabang", branch],
  ];
}

/** The text cut to fit `width`, with an ellipsis: a cell never runs into the next one. */
function fit(doc: Doc, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let cut = text;
  while (cut && doc.widthOfString(`${cut}…`) > width) cut = cut.slice(0, -1);
  return `${cut}…`;
}

function row(doc: Doc, columns: Column[], cells: string[], bold = false) {
  let x = MARGIN;
  const y = doc.y;
  doc.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(8);
  columns.forEach((c, i) => {
    doc.text(fit(doc, cells[i], c.width - 4), x, y, {
      width: c.width - 4,
      align: c.align ?? "left",
      lineBreak: false,
    });
    x += c.width;
  });
  doc.x = MARGIN;
  doc.y = y + ROW;
}

/** A table that repeats its header on each new page. */
function table(doc: Doc, columns: Column[], rows: string[][], total?: string[]) {
  const header = () => {
    row(
      doc,
      columns,
      columns.map((c) => c.title),
      true,
    );
    doc
      .moveTo(MARGIN, doc.y - 2)
      .lineTo(MARGIN + WIDTH, doc.y - 2)
      .lineWidth(0.5)
      .stroke();
  };
  header();
  for (const cells of rows) {
    if (doc.y + ROW > BOTTOM) {
      doc.addPage();
      header();
    }
    row(doc, columns, cells);
  }
  if (total) {
    if (doc.y + ROW > BOTTOM) doc.addPage();
    doc
      .moveTo(MARGIN, doc.y)
      .lineTo(MARGIN + WIDTH, doc.y)
      .lineWidth(0.5)
      .stroke();
    doc.y += 2;
    row(doc, columns, total, true);
  }
  doc.x = MARGIN;
  doc.moveDown(0.8);
}

function footer(doc: Doc, issuedAt: Date) {
  if (doc.y + 3 * ROW > BOTTOM) doc.addPage();
  doc
    .font("Helvetica")
    .fontSize(8)
    .fillColor("#444")
    .text(
      `Dicetak ${formatDateId(isoDateOf(issuedAt))} oleh Sertakan. NIK disamarkan (UU PDP 27/2022). Bulan dan tanggal menurut Waktu Indonesia Barat.`,
      MARGIN,
      doc.y,
      { width: WIDTH },
    )
    .fillColor("black");
}

/** The receipt of one payment (kuitansi): the number is the payment's reference. */
export function renderReceipt(receipt: Receipt): Promise<Buffer> {
  const doc = newDocument(`Kuitansi ${receipt.reference}`, receipt.issuedAt);
  heading(doc, "KUITANSI", "Pembayaran iuran BPJS Ketenagakerjaan pekerja informal — Sertakan");
  fields(doc, [
    ["No. kuitansi", receipt.reference],
    ["Tanggal pembayaran", formatDateId(receipt.paidOn)],
    ...donorFields(receipt.donor, receipt.branch),
  ]);
  fields(doc, [
    ["Uang sejumlah", formatRupiah(receipt.amount)],
    ["Terbilang", rupiahInWords(receipt.amount)],
  ]);
  doc.font("Helvetica-Bold").fontSize(10).text("Untuk iuran bulan", MARGIN, doc.y).moveDown(0.3);
  const columns: Column[] = [
    { title: "Bulan", width: 90 },
    { title: "Pekerja", width: 160 },
    { title: "NIK", width: 95 },
    { title: "Program", width: 80 },
    { title: "Jumlah", width: WIDTH - 425, align: "right" },
  ];
  table(
    doc,
    columns,
    receipt.lines.map((l) => [
      formatYearMonthId(l.month),
      l.workerName ?? "(di luar wilayah Anda)",
      l.nik ?? "-",
      PACKAGE[l.package],
      formatRupiah(l.amount),
    ]),
    ["Jumlah untuk iuran", "", "", "", formatRupiah(receipt.allocated)],
  );
  const rest = receipt.amount - receipt.allocated;
  if (rest > 0)
    fields(doc, [
      ["Sisa (kredit)", `${formatRupiah(rest)}, untuk bulan berikutnya yang jatuh tempo`],
    ]);
  footer(doc, receipt.issuedAt);
  return toBuffer(doc);
}

/** A donor's statement for a period: pledges, months paid and due, money received, credit. */
export function renderStatement(statement: Statement): Promise<Buffer> {
  const { figures } = statement;
  const period = `${formatYearMonthId(statement.from)} s.d. ${formatYearMonthId(statement.to)}`;
  const doc = newDocument(`Laporan donatur ${statement.donor.name}`, statement.issuedAt);
  heading(doc, "LAPORAN DONATUR", `Iuran BPJS Ketenagakerjaan pekerja informal — ${period}`);
  fields(doc, [["Periode", period], ...donorFields(statement.donor, statement.branch)]);
  const t = figures.totals;
  fields(doc, [
    ["Iuran dibayar", `${t.monthsPaid} bulan, ${formatRupiah(t.paid)}`],
    ["Iuran belum dibayar", `${t.monthsDue} bulan, ${formatRupiah(t.due)}`],
    [
      "Sudah jatuh tempo",
      `${t.overdueMonths} bulan, ${formatRupiah(t.overdue)} (s.d. ${formatYearMonthId(statement.current)})`,
    ],
    ["Pembayaran diterima", `${t.payments} kali, ${formatRupiah(t.received)}`],
    ["Kredit saat ini", formatRupiah(figures.credit)],
  ]);
  doc.font("Helvetica-Bold").fontSize(10).text("Sponsor pekerja", MARGIN, doc.y).moveDown(0.3);
  const lines = new Map(figures.lines.map((l) => [l.sponsorshipId, l]));
  table(
    doc,
    [
      { title: "Pekerja", width: 105 },
      { title: "NIK", width: 78 },
      { title: "Program", width: 58 },
      { title: "Per bulan", width: 48, align: "right" },
      { title: "Masa", width: 70 },
      { title: "Dibayar", width: 34, align: "right" },
      { title: "Rp dibayar", width: 45, align: "right" },
      { title: "Belum", width: 30, align: "right" },
      { title: "Rp belum", width: WIDTH - 468, align: "right" },
    ],
    statement.sponsorships.map((s) => {
      const line = lines.get(s.id)!;
      return [
        `${s.workerName}${s.cancelled ? " (batal)" : ""}`,
        s.nik,
        PACKAGE[s.package],
        formatRupiah(s.monthlyAmount),
        `${s.startMonth}/${s.endMonth}`,
        String(line.monthsPaid),
        formatRupiah(line.paid),
        String(line.monthsDue),
        formatRupiah(line.due),
      ];
    }),
    [
      `Total (${statement.sponsorships.length} sponsor)`,
      "",
      "",
      "",
      "",
      String(t.monthsPaid),
      formatRupiah(t.paid),
      String(t.monthsDue),
      formatRupiah(t.due),
    ],
  );
  if (doc.y + 3 * ROW > BOTTOM) doc.addPage();
  doc.font("Helvetica-Bold").fontSize(10).text("Pembayaran", MARGIN, doc.y).moveDown(0.3);
  table(
    doc,
    [
      { title: "Tanggal", width: 120 },
      { title: "No. kuitansi / referensi", width: 260 },
      { title: "Jumlah", width: WIDTH - 380, align: "right" },
    ],
    statement.payments.map((p) => [formatDateId(p.paidOn), p.reference, formatRupiah(p.amount)]),
    ["Total", "", formatRupiah(t.received)],
  );
  footer(doc, statement.issuedAt);
  return toBuffer(doc);
}
