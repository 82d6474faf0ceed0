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
export function formatDate(value: Date | string): string {
  const date = typeof value === "string" ? new Date(value) : value;
  return Number.isNaN(date.getTime()) ? "" : dateFormat.format(date);
}

const numberFormat = new Intl.NumberFormat("id-ID");

/** formatNumber(91162) → "91.162". */
export function formatNumber(value: number): string {
  return numberFormat.format(value);
}
