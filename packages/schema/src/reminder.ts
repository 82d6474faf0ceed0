import { formatRupiah, formatYearMonthId } from "./indonesian";
import { maskNik } from "./nik";
import { YearMonth, addMonths, compareYearMonth } from "./year-month";

// Donor reminders, DOMAIN.md "The protection loop": donors keep cover alive, so they hear
// before a pledge ends and when months fall due unpaid. One reminder per donor, kind and
// month (the unique index in the database is the final word on that).

/** Why a donor is reminded. */
export enum ReminderKind {
  COVER_ENDING = "COVER_ENDING",
  PAYMENT_DUE = "PAYMENT_DUE",
}

/** Where a reminder's delivery stands. */
export enum ReminderStatus {
  PENDING = "PENDING",
  SENT = "SENT",
  FAILED = "FAILED",
}

/** The sponsorship facts the COVER_ENDING rule reads. */
export type ReminderSponsorship = {
  id: string;
  workerId: string;
  endMonth: YearMonth;
  cancelled: boolean;
};

/**
 * The donor's sponsorships that make a COVER_ENDING reminder in `month`: not cancelled,
 * ending this month or next, and not renewed, i.e. the donor has no other live
 * sponsorship of the same worker that ends later. The SQL in the API's reminder service
 * applies the same rule to every donor at once.
 *
 * @example a pledge ending 2026-12, run in 2026-12 or 2026-11: ends soon; in 2026-10: not yet
 */
export function endingSponsorships<T extends ReminderSponsorship>(
  sponsorships: readonly T[],
  month: YearMonth,
): T[] {
  const next = addMonths(month, 1);
  const live = sponsorships.filter((s) => !s.cancelled);
  return live.filter(
    (s) =>
      compareYearMonth(s.endMonth, month) >= 0 &&
      compareYearMonth(s.endMonth, next) <= 0 &&
      !live.some(
        (later) =>
          later.workerId === s.workerId && compareYearMonth(later.endMonth, s.endMonth) > 0,
      ),
  );
}

/**
 * What a PAYMENT_DUE reminder asks for: the DUE months of this month and before, less the
 * donor's unallocated credit; 0 (no reminder) when the credit pays it all.
 *
 * @example paymentDueAmount([16_800, 36_800], 3_200) // 50_400
 */
export function paymentDueAmount(dueAmounts: readonly number[], credit: number): number {
  const due = dueAmounts.reduce((sum, a) => sum + a, 0);
  return Math.max(0, due - Math.max(0, credit));
}

/** Delivery attempts before a reminder is FAILED. */
export const MAX_REMINDER_ATTEMPTS = 5;

/** Minutes to wait after the n-th failed attempt (1-based) before the next one. */
export const REMINDER_RETRY_MINUTES: readonly number[] = Object.freeze([5, 15, 60, 240]);

/** The state after a failed delivery attempt: a later retry, or FAILED after the last. */
export type FailedAttempt =
  | { status: ReminderStatus.PENDING; attempts: number; nextAttemptAt: Date; lastError: string }
  | { status: ReminderStatus.FAILED; attempts: number; nextAttemptAt: null; lastError: string };

/**
 * Backoff after a failed send: 5, 15, 60 and 240 minutes, then FAILED on the 5th failure.
 *
 * @param attemptsBefore - failed attempts before this one
 * @example afterFailedAttempt(0, "550 mailbox unavailable", now) // PENDING, retry at now + 5 min
 */
export function afterFailedAttempt(
  attemptsBefore: number,
  error: string,
  now: Date,
): FailedAttempt {
  const attempts = attemptsBefore + 1;
  const lastError = error.trim().slice(0, 500) || "unknown error";
  if (attempts >= MAX_REMINDER_ATTEMPTS)
    return { status: ReminderStatus.FAILED, attempts, nextAttemptAt: null, lastError };
  const minutes = REMINDER_RETRY_MINUTES[Math.min(attempts, REMINDER_RETRY_MINUTES.length) - 1];
  return {
    status: ReminderStatus.PENDING,
    attempts,
    nextAttemptAt: new Date(now.getTime() + minutes * 60_000),
    lastError,
  };
}

/** One worker's line in a reminder mail: the months due, or the last month covered. */
export type ReminderMailLine = {
  workerName: string;
  nik: string;
  months: YearMonth[];
  amount: number;
};

export type ReminderMailInput = {
  kind: ReminderKind;
  donorName: string;
  month: YearMonth;
  amount: number;
  lines: readonly ReminderMailLine[];
};

/**
 * The reminder e-mail in Indonesian. NIKs are always masked: a mail leaves our hands (UU PDP).
 *
 * @example PAYMENT_DUE, Rp50.400 → subject "Iuran BPJS Ketenagakerjaan jatuh tempo: Rp50.400"
 */
export function reminderMail(input: ReminderMailInput): { subject: string; text: string } {
  const amount = formatRupiah(input.amount);
  const lines = input.lines.map((l) => {
    const months = l.months.map(formatYearMonthId).join(", ");
    return `- ${l.workerName} (NIK ${maskNik(l.nik)}): ${months}, ${formatRupiah(l.amount)}`;
  });
  const closing = [
    "",
    "Terima kasih telah melindungi pekerja rentan di sekitar Anda.",
    "Sertakan — BPJS Ketenagakerjaan Kantor Cabang Klaten",
  ];
  if (input.kind === ReminderKind.PAYMENT_DUE) {
    return {
      subject: `Iuran BPJS Ketenagakerjaan jatuh tempo: ${amount}`,
      text: [
        `Yth. ${input.donorName},`,
        "",
        `Sampai ${formatYearMonthId(input.month)} masih ada iuran yang belum dibayar sebesar ${amount} (setelah dikurangi saldo Anda):`,
        ...lines,
        "",
        "Tanpa pembayaran, perlindungan JKK dan JKM pekerja berhenti, dan setelah 3 bulan berturut-turut tidak dibayar kepesertaannya menjadi nonaktif.",
        ...closing,
      ].join("\n"),
    };
  }
  return {
    subject: `Perlindungan pekerja Anda segera berakhir: ${amount} per bulan`,
    text: [
      `Yth. ${input.donorName},`,
      "",
      "Perlindungan BPJS Ketenagakerjaan untuk pekerja berikut berakhir bulan ini atau bulan depan dan belum diperpanjang:",
      ...lines,
      "",
      `Untuk melanjutkan perlindungan mereka, iurannya ${amount} per bulan. Hubungi kami untuk memperpanjang.`,
      ...closing,
    ].join("\n"),
  };
}
