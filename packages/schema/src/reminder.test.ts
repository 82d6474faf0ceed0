import { formatRupiah, formatYearMonthId } from "./indonesian";
import {
  MAX_REMINDER_ATTEMPTS,
  ReminderKind,
  ReminderStatus,
  afterFailedAttempt,
  endingSponsorships,
  paymentDueAmount,
  reminderMail,
} from "./reminder";

const pledge = (id: string, workerId: string, endMonth: string, cancelled = false) => ({
  id,
  workerId,
  endMonth,
  cancelled,
});

describe("endingSponsorships: COVER_ENDING is about pledges ending this month or next, not renewed", () => {
  const history = [
    pledge("ends-this-month", "w1", "2026-12"),
    pledge("ends-next-month", "w2", "2027-01"),
    pledge("ends-later", "w3", "2027-02"),
    pledge("ends-november", "w4", "2026-11"),
    pledge("cancelled", "w5", "2026-12", true),
    // w6 was renewed: the pledge ending in December continues in a later one.
    pledge("renewed-old", "w6", "2026-12"),
    pledge("renewed-new", "w6", "2027-06"),
    // w7's "renewal" was cancelled, so December really is the end.
    pledge("renewal-cancelled-old", "w7", "2026-12"),
    pledge("renewal-cancelled-new", "w7", "2027-06", true),
  ];

  it.each([
    ["2026-12", ["ends-this-month", "ends-next-month", "renewal-cancelled-old"]],
    // Run on the last day of November: December is "next month", January is not yet.
    ["2026-11", ["ends-this-month", "ends-november", "renewal-cancelled-old"]],
    // Across the year end: January 2027 is this month, February next.
    ["2027-01", ["ends-next-month", "ends-later"]],
    ["2026-10", ["ends-november"]],
    ["2026-09", []],
  ])("in %s", (month, expected) => {
    expect(endingSponsorships(history, month).map((s) => s.id)).toEqual(expected);
  });
});

describe("paymentDueAmount: DUE months less the donor's credit", () => {
  it.each([
    // One JKK+JKM month and one with JHT, no credit.
    [[16_800, 36_800], 0, 53_600],
    // Credit of Rp3,200 left from an earlier transfer.
    [[16_800, 36_800], 3_200, 50_400],
    // Three JKK+JKM months.
    [[16_800, 16_800, 16_800], 0, 50_400],
    // Credit pays it all: no reminder.
    [[16_800], 16_800, 0],
    [[16_800], 20_000, 0],
    [[], 0, 0],
  ])("due %j with credit %d asks for %d", (due, credit, expected) => {
    expect(paymentDueAmount(due, credit)).toBe(expected);
  });
});

describe("afterFailedAttempt: retries with backoff, then FAILED", () => {
  const now = new Date("2026-12-07T00:00:00Z"); // 07:00 WIB, when the job runs
  it.each([
    [0, 5],
    [1, 15],
    [2, 60],
    [3, 240],
  ])("after failure %d+1 the next try is %d minutes later", (before, minutes) => {
    const next = afterFailedAttempt(before, "421 try again later", now);
    expect(next).toEqual({
      status: ReminderStatus.PENDING,
      attempts: before + 1,
      nextAttemptAt: new Date(now.getTime() + minutes * 60_000),
      lastError: "421 try again later",
    });
  });

  it(`gives up on attempt ${MAX_REMINDER_ATTEMPTS} and keeps the reason`, () => {
    expect(afterFailedAttempt(MAX_REMINDER_ATTEMPTS - 1, "550 mailbox unavailable ", now)).toEqual({
      status: ReminderStatus.FAILED,
      attempts: MAX_REMINDER_ATTEMPTS,
      nextAttemptAt: null,
      lastError: "550 mailbox unavailable",
    });
  });
});

describe("Indonesian figures", () => {
  it.each([
    [16_800, "Rp16.800"],
    [36_800, "Rp36.800"],
    [50_400, "Rp50.400"],
    [1_234_567, "Rp1.234.567"],
    [0, "Rp0"],
  ])("%d is %s", (n, text) => expect(formatRupiah(n)).toBe(text));

  it.each([
    ["2026-12", "Desember 2026"],
    ["2027-01", "Januari 2027"],
  ])("%s is %s", (m, text) => expect(formatYearMonthId(m)).toBe(text));
});

describe("reminderMail", () => {
  const lines = [
    {
      workerName: "Sri Lestari",
      nik: "3310014507900001",
      months: ["2026-11", "2026-12"],
      amount: 33_600,
    },
    { workerName: "Budi Santoso", nik: "3310010507900002", months: ["2026-12"], amount: 16_800 },
  ];

  it("PAYMENT_DUE: the amount after credit, each worker with masked NIK and months", () => {
    const mail = reminderMail({
      kind: ReminderKind.PAYMENT_DUE,
      donorName: "CV Maju Jaya",
      month: "2026-12",
      amount: 50_400,
      lines,
    });
    expect(mail.subject).toBe("Iuran BPJS Ketenagakerjaan jatuh tempo: Rp50.400");
    expect(mail.text).toContain("Yth. CV Maju Jaya,");
    expect(mail.text).toContain(
      "Sampai Desember 2026 masih ada iuran yang belum dibayar sebesar Rp50.400",
    );
    expect(mail.text).toContain(
      "- Sri Lestari (NIK 3310********0001): November 2026, Desember 2026, Rp33.600",
    );
    expect(mail.text).toContain("- Budi Santoso (NIK 3310********0002): Desember 2026, Rp16.800");
    // The whole NIK never leaves in a mail.
    expect(mail.text).not.toContain("3310014507900001");
  });

  it("COVER_ENDING: the monthly total that would stop", () => {
    const mail = reminderMail({
      kind: ReminderKind.COVER_ENDING,
      donorName: "Ibu Ratna",
      month: "2026-12",
      amount: 36_800,
      lines: [
        { workerName: "Sri Lestari", nik: "3310014507900001", months: ["2027-01"], amount: 36_800 },
      ],
    });
    expect(mail.subject).toBe("Perlindungan pekerja Anda segera berakhir: Rp36.800 per bulan");
    expect(mail.text).toContain("berakhir bulan ini atau bulan depan dan belum diperpanjang");
    expect(mail.text).toContain("- Sri Lestari (NIK 3310********0001): Januari 2027, Rp36.800");
  });
});
