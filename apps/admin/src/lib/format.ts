const rupiahFormat = new Intl.NumberFormat("id-ID", {
  style: "currency",
  currency: "IDR",
  minimumFractionDigits: 0,
  maximumFractionDigits: 0,
});

/** formatRupiah(36800) → "Rp36.800" (amounts are whole rupiah end to end). */
export function formatRupiah(amount: number): string {
  // id-ID puts a no-break space after "Rp"; BPJS material writes "Rp36.800".
  return rupiahFormat
    .formatToParts(amount)
    .filter((part) => !(part.type === "literal" && part.value.trim() === ""))
    .map((part) => part.value)
    .join("");
}

const dateFormat = new Intl.DateTimeFormat("id-ID", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "Asia/Jakarta",
});

/** formatDate("2025-08-17") → "17 Agustus 2025", in Asia/Jakarta time. */
export function formatDate(value: Date | string | null | undefined): string {
  if (!value) return "";
  const date = typeof value === "string" ? new Date(value) : value;
  return Number.isNaN(date.getTime()) ? "" : dateFormat.format(date);
}

const dateTimeFormat = new Intl.DateTimeFormat("id-ID", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "Asia/Jakarta",
});

/** formatDateTime("2025-08-17T03:00:00Z") → "17 Agu 2025, 10.00" (Asia/Jakarta). */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return "";
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? "" : dateTimeFormat.format(date);
}

const monthFormat = new Intl.DateTimeFormat("id-ID", {
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});
const shortMonthFormat = new Intl.DateTimeFormat("id-ID", {
  month: "short",
  year: "2-digit",
  timeZone: "UTC",
});

function monthDate(ym: string): Date {
  const [year, month] = ym.split("-").map(Number);
  return new Date(Date.UTC(year, month - 1, 1));
}

/** formatYearMonth("2025-08") → "Agustus 2025". */
export function formatYearMonth(ym: string | null | undefined): string {
  return ym ? monthFormat.format(monthDate(ym)) : "";
}

/** formatShortYearMonth("2025-08") → "Agu 25" (chart axes, the coverage strip). */
export function formatShortYearMonth(ym: string): string {
  return shortMonthFormat.format(monthDate(ym));
}

const numberFormat = new Intl.NumberFormat("id-ID");

/** formatNumber(91162) → "91.162". */
export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

const percentFormat = new Intl.NumberFormat("id-ID", {
  style: "percent",
  maximumFractionDigits: 1,
});

/** formatPercent(0.366) → "36,6%". */
export function formatPercent(ratio: number): string {
  return percentFormat.format(ratio);
}
