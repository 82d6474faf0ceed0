import { BadUserInputError } from "./errors";
import {
  YearMonth,
  addMonths,
  compareYearMonth,
  monthsBetween,
  parseYearMonth,
} from "./year-month";

// Receipts and donor statements (DOMAIN.md "The protection loop": donors need a receipt per
// payment and a statement per period for their own books; amounts in words in Indonesian).

const UNITS = [
  "nol",
  "satu",
  "dua",
  "tiga",
  "empat",
  "lima",
  "enam",
  "tujuh",
  "delapan",
  "sembilan",
  "sepuluh",
  "sebelas",
];
const SCALES: [number, string][] = [
  [1e12, "triliun"],
  [1e9, "miliar"],
  [1e6, "juta"],
  [1e3, "ribu"],
];

function below1000(n: number): string {
  if (n < 12) return UNITS[n];
  if (n < 20) return `${UNITS[n - 10]} belas`;
  if (n < 100) {
    const rest = n % 10;
    return `${UNITS[Math.floor(n / 10)]} puluh${rest ? ` ${UNITS[rest]}` : ""}`;
  }
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  return `${hundreds === 1 ? "seratus" : `${UNITS[hundreds]} ratus`}${rest ? ` ${below1000(rest)}` : ""}`;
}

/**
 * A whole number in Indonesian words (*terbilang*), as written on receipts: "se-" for one
 * hundred and one thousand, "satu" for one million and up.
 *
 * @example terbilang(16800) // "enam belas ribu delapan ratus"
 * @throws BadUserInputError for a negative, fractional or too large (≥ 10^15) number
 */
export function terbilang(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0 || n >= 1e15)
    throw new BadUserInputError(
      `Cannot write ${n} in words: use a whole number from 0 to 999 triliun.`,
    );
  if (n === 0) return UNITS[0];
  const words: string[] = [];
  let rest = n;
  for (const [size, name] of SCALES) {
    const count = Math.floor(rest / size);
    rest %= size;
    if (!count) continue;
    words.push(size === 1e3 && count === 1 ? "seribu" : `${below1000(count)} ${name}`);
  }
  if (rest) words.push(below1000(rest));
  return words.join(" ");
}

/**
 * An amount of rupiah in words for a receipt.
 *
 * @example rupiahInWords(50400) // "lima puluh ribu empat ratus rupiah"
 */
export function rupiahInWords(amount: number): string {
  return `${terbilang(amount)} rupiah`;
}

/** The longest period one statement covers: five years keeps a document printable. */
export const MAX_STATEMENT_MONTHS = 60;

/**
 * The months a statement covers: both given, or the twelve months up to the current one.
 *
 * @throws BadUserInputError for a malformed month, `from` after `to`, or more than 60 months
 */
export function statementPeriod(
  from: string | undefined,
  to: string | undefined,
  current: YearMonth,
): { from: YearMonth; to: YearMonth } {
  const end = to === undefined ? current : parseYearMonth(to, "to");
  const start = from === undefined ? addMonths(end, -11) : parseYearMonth(from, "from");
  if (compareYearMonth(start, end) > 0)
    throw new BadUserInputError(`from ${start} is after to ${end}.`, "from");
  if (monthsBetween(start, end) + 1 > MAX_STATEMENT_MONTHS)
    throw new BadUserInputError(
      `A statement covers at most ${MAX_STATEMENT_MONTHS} months; ${start} to ${end} is ${monthsBetween(start, end) + 1}.`,
      "to",
    );
  return { from: start, to: end };
}

/** One month of a sponsorship, as stored. */
export type StatementMonthRow = {
  sponsorshipId: string;
  month: YearMonth;
  amount: number;
  status: "DUE" | "PAID" | "CANCELLED";
};

/** A sponsorship's months inside the statement's period. */
export type StatementLine = {
  sponsorshipId: string;
  monthsPaid: number;
  monthsDue: number;
  paid: number;
  due: number;
  /** DUE months up to the current month: what has fallen due and is not paid. */
  overdueMonths: number;
  overdue: number;
};

export type StatementFigures = {
  lines: StatementLine[];
  totals: {
    monthsPaid: number;
    monthsDue: number;
    paid: number;
    due: number;
    overdueMonths: number;
    overdue: number;
    /** Money received inside the period. */
    received: number;
    payments: number;
  };
  /** Money received and not yet allocated to a month (the donor's credit). */
  credit: number;
};

/**
 * A statement's figures from plain rows: per sponsorship the paid and DUE months inside
 * the period (cancelled months count nowhere), the totals, the money received in the period
 * and the credit. Lines follow `sponsorshipIds`' order; rows outside the period are ignored.
 */
export function statementFigures(input: {
  from: YearMonth;
  to: YearMonth;
  current: YearMonth;
  sponsorshipIds: readonly string[];
  months: readonly StatementMonthRow[];
  /** Payments received inside the period. */
  payments: readonly { amount: number }[];
  credit: number;
}): StatementFigures {
  const lines = new Map<string, StatementLine>(
    input.sponsorshipIds.map((id) => [
      id,
      {
        sponsorshipId: id,
        monthsPaid: 0,
        monthsDue: 0,
        paid: 0,
        due: 0,
        overdueMonths: 0,
        overdue: 0,
      },
    ]),
  );
  for (const row of input.months) {
    const line = lines.get(row.sponsorshipId);
    if (!line || compareYearMonth(row.month, input.from) < 0) continue;
    if (compareYearMonth(row.month, input.to) > 0) continue;
    if (row.status === "PAID") {
      line.monthsPaid++;
      line.paid += row.amount;
    } else if (row.status === "DUE") {
      line.monthsDue++;
      line.due += row.amount;
      if (compareYearMonth(row.month, input.current) <= 0) {
        line.overdueMonths++;
        line.overdue += row.amount;
      }
    }
  }
  const all = [...lines.values()];
  const sum = (key: keyof Omit<StatementLine, "sponsorshipId">) =>
    all.reduce((total, line) => total + line[key], 0);
  return {
    lines: all,
    totals: {
      monthsPaid: sum("monthsPaid"),
      monthsDue: sum("monthsDue"),
      paid: sum("paid"),
      due: sum("due"),
      overdueMonths: sum("overdueMonths"),
      overdue: sum("overdue"),
      received: input.payments.reduce((total, p) => total + p.amount, 0),
      payments: input.payments.length,
    },
    credit: input.credit,
  };
}
