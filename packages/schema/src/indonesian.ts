import { YearMonth, parseYearMonth } from "./year-month";

// Money, months and days as Indonesian documents and letters print them, the same in a PDF
// and in an e-mail (the admin app formats with Intl in the browser instead).

/**
 * Rupiah as printed in Indonesia: "Rp" and dots between thousands.
 *
 * @example formatRupiah(50400) // "Rp50.400"
 */
export function formatRupiah(amount: number): string {
  const digits = String(Math.abs(Math.trunc(amount))).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return `${amount < 0 ? "-" : ""}Rp${digits}`;
}

const MONTH_NAMES_ID = [
  "Januari",
  "Februari",
  "Maret",
  "April",
  "Mei",
  "Juni",
  "Juli",
  "Agustus",
  "September",
  "Oktober",
  "November",
  "Desember",
];

/**
 * A month in Indonesian.
 *
 * @example formatYearMonthId("2026-12") // "Desember 2026"
 */
export function formatYearMonthId(ym: YearMonth): string {
  parseYearMonth(ym);
  return `${MONTH_NAMES_ID[Number(ym.slice(5, 7)) - 1]} ${ym.slice(0, 4)}`;
}

/**
 * A calendar date "YYYY-MM-DD" in Indonesian.
 *
 * @example formatDateId("2026-12-06") // "6 Desember 2026"
 */
export function formatDateId(isoDate: string): string {
  const [year, month, day] = isoDate.split("-");
  return `${Number(day)} ${MONTH_NAMES_ID[Number(month) - 1]} ${year}`;
}
