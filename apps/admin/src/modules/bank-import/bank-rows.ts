import { BANK_FILE_COLUMNS } from "@sertakan/schema";
import type { BankPaymentRowInput, ImportBankPaymentsMutation } from "../../gql/graphql";

export { BANK_FILE_COLUMNS, MAX_BANK_ROWS } from "@sertakan/schema";

/** The required columns of a bank file: date, amount, reference and sender. */
export const REQUIRED_COLUMNS = BANK_FILE_COLUMNS.slice(0, 4);

export type BankCsvRow = Partial<Record<(typeof BANK_FILE_COLUMNS)[number], string>>;
export type BankResult = ImportBankPaymentsMutation["importBankPayments"];
export type BankResultRow = BankResult["rows"][number];

/** One row of the file in the preview: what was read, the officer's pick, the last answer. */
export type PreviewRow = {
  input: BankPaymentRowInput;
  /** The donor the officer picked, shown by name until the API answers again. */
  picked: { id: string; name: string } | null;
  /** The API's answer for the row, from the last dry run or recording; null once stale. */
  result: BankResultRow | null;
};

const textOf = (v: string | undefined) => (v ?? "").trim();

/** The file's rows as the API's input; line 1 is the header, so the first row is line 2. */
export function previewRows(data: BankCsvRow[]): PreviewRow[] {
  return data.map((r, i) => ({
    input: {
      line: i + 2,
      paidOn: textOf(r.paidOn),
      amount: textOf(r.amount),
      reference: textOf(r.reference),
      payerName: textOf(r.payerName) || null,
      donorNumber: textOf(r.donorNumber) || null,
      donorId: null,
    },
    picked: null,
    result: null,
  }));
}

/** What is sent: each row with the officer's pick, if any. */
export function inputsOf(rows: PreviewRow[]): BankPaymentRowInput[] {
  return rows.map((r) => ({ ...r.input, donorId: r.picked?.id ?? null }));
}

/** Puts the API's answer on each row, by line. */
export function withResult(rows: PreviewRow[], result: BankResult): PreviewRow[] {
  const byLine = new Map(result.rows.map((r) => [r.line, r]));
  return rows.map((r) => ({ ...r, result: byLine.get(r.input.line) ?? null }));
}

/**
 * Sets (or clears, with null) the officer's donor for a row. The row's answer is dropped:
 * it no longer says what will happen, so the file is checked again before recording.
 */
export function pickDonor(
  rows: PreviewRow[],
  line: number,
  donor: { id: string; name: string } | null,
): PreviewRow[] {
  return rows.map((r) => (r.input.line === line ? { ...r, picked: donor, result: null } : r));
}

/** Whether every row carries an answer from the last dry run, so recording is what was seen. */
export function isChecked(rows: PreviewRow[]): boolean {
  return rows.length > 0 && rows.every((r) => r.result !== null);
}

/** A row the officer may pick a donor for: not matched, or matched by the officer's own pick. */
export function needsPick(row: PreviewRow): boolean {
  if (row.picked) return true;
  return row.result?.outcome === "UNMATCHED";
}

/** An example row per matching rule, for the downloadable template. */
export const TEMPLATE_ROWS = [
  ["2024-11-05", "201600", "SRT-0007/NOV", "PT RUMPUN TANI", ""],
  ["2024-11-05", "36.800", "TRF 8812001", "KAS DAERAH KLATEN", "VA8808123"],
];
