import { isIsoDate } from "./year-month";

// Payments from a bank file (mutasi rekening): one row per incoming transfer. The rules here
// read a row as the bank wrote it, find the donor it belongs to, and sum up what happened.

/** The most rows one importBankPayments call takes; a longer file is split. */
export const MAX_BANK_ROWS = 5000;

/** The columns of the bank-file template, in order; the first four are required. */
export const BANK_FILE_COLUMNS = [
  "paidOn",
  "amount",
  "reference",
  "payerName",
  "donorNumber",
] as const;

/** The longest receipt or bank reference a payment may carry (as recordPayment). */
export const MAX_REFERENCE_LENGTH = 100;

/** How a row found its donor. */
export enum BankMatch {
  /** The row's donor number is a donor's accountNumber. */
  DONOR_NUMBER = "DONOR_NUMBER",
  /** The reference starts with a donor's accountNumber, followed by a separator or nothing. */
  REFERENCE_PREFIX = "REFERENCE_PREFIX",
  /** The officer chose the donor in the preview. */
  PICKED = "PICKED",
  /** No donor: left for the officer to pick. */
  NONE = "NONE",
}

/** What became of a row. */
export enum BankRowOutcome {
  /** A new payment was recorded. */
  RECORDED = "RECORDED",
  /** Dry run: the row would be recorded. */
  READY = "READY",
  /** The donor already has a payment with this reference and amount; nothing written. */
  ALREADY_RECORDED = "ALREADY_RECORDED",
  /** No donor found and none picked. */
  UNMATCHED = "UNMATCHED",
  /** Refused; the row's error says why. */
  ERROR = "ERROR",
}

/** Why a row was refused. */
export type BankRowError = { code: string; field: string | null; message: string };

/** A bank row as it came from the file: every value is text. */
export type RawBankRow = {
  paidOn: string;
  amount: string;
  reference: string;
  payerName?: string | null;
  donorNumber?: string | null;
};

/** A bank row whose values are usable. */
export type BankRow = {
  paidOn: string;
  amount: number;
  reference: string;
  payerName: string;
  donorNumber: string | null;
};

// Plain digits, or thousands grouped by "." (as Indonesian banks print) or by ",", with an
// optional decimal part that must be zero: Rp amounts are whole rupiah.
const AMOUNT_FORMS: { pattern: RegExp; group: string; decimal: string }[] = [
  { pattern: /^(\d+)(?:[.,](\d{1,2}))?$/, group: "", decimal: "" },
  { pattern: /^(\d{1,3}(?:\.\d{3})+)(?:,(\d{1,2}))?$/, group: ".", decimal: "," },
  { pattern: /^(\d{1,3}(?:,\d{3})+)(?:\.(\d{1,2}))?$/, group: ",", decimal: "." },
];

/**
 * Reads a transfer amount: "36800", "36.800", "Rp36.800,00", "36,800.00". A fraction other
 * than zero, zero itself and a negative amount are errors.
 *
 * @example parseBankAmount("Rp 201.600") // { amount: 201600 }
 */
export function parseBankAmount(text: string): { amount: number } | { error: BankRowError } {
  const raw = text.trim();
  const bad = (code: string, message: string) => ({
    error: { code, field: "amount", message },
  });
  if (/^-/.test(raw) || /^\(.*\)$/.test(raw))
    return bad("AMOUNT_NOT_POSITIVE", `amount ${raw} is negative: only incoming transfers.`);
  const body = raw.replace(/^rp\.?\s*/i, "").replace(/\s/g, "");
  for (const form of AMOUNT_FORMS) {
    const m = form.pattern.exec(body);
    if (!m) continue;
    if (m[2] && Number(m[2]) !== 0)
      return bad("AMOUNT_NOT_WHOLE", `amount ${raw} is not whole rupiah.`);
    const amount = Number(form.group ? m[1].split(form.group).join("") : m[1]);
    if (!Number.isSafeInteger(amount)) return bad("INVALID_AMOUNT", `amount ${raw} is too large.`);
    if (amount <= 0) return bad("AMOUNT_NOT_POSITIVE", `amount must be more than Rp0, got ${raw}.`);
    return { amount };
  }
  return bad("INVALID_AMOUNT", `amount "${raw}" is not a rupiah amount such as 36800 or 36.800.`);
}

/**
 * Checks one bank row. `today` is the current day in Asia/Jakarta (YYYY-MM-DD): a transfer
 * dated later is refused, as recordPayment refuses a payment in the future.
 */
export function parseBankRow(
  raw: RawBankRow,
  today: string,
): { row: BankRow } | { error: BankRowError } {
  const paidOn = raw.paidOn.trim();
  if (!isIsoDate(paidOn))
    return {
      error: {
        code: "INVALID_DATE",
        field: "paidOn",
        message: `paidOn "${paidOn}" is not a date in the form YYYY-MM-DD.`,
      },
    };
  if (paidOn > today)
    return {
      error: {
        code: "FUTURE_DATE",
        field: "paidOn",
        message: `paidOn ${paidOn} is after today (${today}, Asia/Jakarta).`,
      },
    };
  const amount = parseBankAmount(raw.amount);
  if ("error" in amount) return amount;
  const reference = raw.reference.trim();
  if (!reference)
    return {
      error: {
        code: "REFERENCE_BLANK",
        field: "reference",
        message: "reference is blank: give the bank's reference for the transfer.",
      },
    };
  if (reference.length > MAX_REFERENCE_LENGTH)
    return {
      error: {
        code: "REFERENCE_TOO_LONG",
        field: "reference",
        message: `reference is ${reference.length} characters; at most ${MAX_REFERENCE_LENGTH}.`,
      },
    };
  return {
    row: {
      paidOn,
      amount: amount.amount,
      reference,
      payerName: (raw.payerName ?? "").trim(),
      donorNumber: normalizeDonorNumber(raw.donorNumber),
    },
  };
}

/** A donor number (Nomor VA / nomor donatur) as stored: trimmed, upper case; blank is null. */
export function normalizeDonorNumber(text: string | null | undefined): string | null {
  const v = (text ?? "").trim().toUpperCase();
  return v ? v : null;
}

/** The shape of a donor number: 3 to 30 letters, digits and hyphens, starting with one of the first two. */
export const DONOR_NUMBER_PATTERN = /^[A-Z0-9][A-Z0-9-]{2,29}$/;

/**
 * The donor numbers a reference could start with: each leading run of the reference that
 * ends before a character other than a letter or digit, or at its end. "SRT-0007/NOV"
 * gives SRT, SRT-0007 and SRT-0007/NOV; a number never matches half a word ("SRT-00" is
 * not a prefix of "SRT-0007").
 */
export function referencePrefixes(reference: string): string[] {
  const ref = reference.trim().toUpperCase();
  const out: string[] = [];
  for (let i = 1; i <= ref.length; i++) {
    if (i === ref.length || !/[A-Z0-9]/.test(ref[i])) {
      if (/[A-Z0-9]/.test(ref[i - 1])) out.push(ref.slice(0, i));
    }
  }
  return out;
}

/** Which donor a row belongs to and how that was found. */
export type BankMatchResult<D> = { donor: D | null; match: BankMatch };

/**
 * The donor of a row: the one the officer picked; else the one whose number the row gives;
 * else the one whose number the reference starts with (the longest when several do); else none.
 * `byNumber` holds the donors the caller may see, keyed by their normalized number.
 */
export function matchBankRow<D>(
  row: Pick<BankRow, "reference" | "donorNumber">,
  byNumber: ReadonlyMap<string, D>,
  picked: D | null = null,
): BankMatchResult<D> {
  if (picked) return { donor: picked, match: BankMatch.PICKED };
  const number = row.donorNumber && byNumber.get(row.donorNumber);
  if (number) return { donor: number, match: BankMatch.DONOR_NUMBER };
  const prefixes = referencePrefixes(row.reference);
  for (let i = prefixes.length - 1; i >= 0; i--) {
    const donor = byNumber.get(prefixes[i]);
    if (donor) return { donor, match: BankMatch.REFERENCE_PREFIX };
  }
  return { donor: null, match: BankMatch.NONE };
}

/** The totals of an import: counts per outcome and the rupiah recorded (or ready, on a dry run). */
export type BankImportSummary = {
  recorded: number;
  recordedAmount: number;
  ready: number;
  readyAmount: number;
  alreadyRecorded: number;
  unmatched: number;
  errors: number;
};

/** Sums the rows' outcomes. */
export function summarizeBankImport(
  rows: readonly { outcome: BankRowOutcome; amount: number | null }[],
): BankImportSummary {
  const s: BankImportSummary = {
    recorded: 0,
    recordedAmount: 0,
    ready: 0,
    readyAmount: 0,
    alreadyRecorded: 0,
    unmatched: 0,
    errors: 0,
  };
  for (const r of rows) {
    if (r.outcome === BankRowOutcome.RECORDED) {
      s.recorded++;
      s.recordedAmount += r.amount ?? 0;
    } else if (r.outcome === BankRowOutcome.READY) {
      s.ready++;
      s.readyAmount += r.amount ?? 0;
    } else if (r.outcome === BankRowOutcome.ALREADY_RECORDED) s.alreadyRecorded++;
    else if (r.outcome === BankRowOutcome.UNMATCHED) s.unmatched++;
    else s.errors++;
  }
  return s;
}
