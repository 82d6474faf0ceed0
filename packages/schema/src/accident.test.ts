import { AccidentReportStatus, PartnerKind } from "./enums";
import {
  LATE_REPORT_AFTER_HOURS,
  accidentCoverMonth,
  accidentDay,
  accidentStatus,
  checkAccidentTime,
  checkWorkerReference,
  isLateReport,
  isPlkk,
} from "./accident";

const HOUR = 3_600_000;

describe("accidentCoverMonth: the accident day's month in Asia/Jakarta (UTC+7)", () => {
  it.each([
    // 23:59 WIB on the last day of May is still May…
    ["2024-05-31T16:59:59Z", "2024-05", "2024-05-31"],
    // …and one minute later it is June in Klaten while still May in UTC.
    ["2024-05-31T17:00:00Z", "2024-06", "2024-06-01"],
    ["2024-06-01T00:00:00Z", "2024-06", "2024-06-01"],
    // The first instant of a month in Jakarta is the previous day in UTC.
    ["2024-05-31T17:00:00.000Z", "2024-06", "2024-06-01"],
    // Year end: 00:30 WIB on 1 January is 31 December in UTC.
    ["2024-12-31T17:30:00Z", "2025-01", "2025-01-01"],
    ["2024-12-31T16:30:00Z", "2024-12", "2024-12-31"],
  ])("%s → month %s, day %s", (iso, month, day) => {
    expect(accidentCoverMonth(new Date(iso))).toBe(month);
    expect(accidentDay(new Date(iso))).toBe(day);
  });
});

describe("isLateReport: stage-I reports are due within 2 × 24 hours", () => {
  const at = new Date("2024-05-10T08:00:00Z");
  it.each([
    [0, false],
    [47, false],
    [LATE_REPORT_AFTER_HOURS, false],
    [LATE_REPORT_AFTER_HOURS + 1 / 3600, true],
    [72, true],
  ])("%d hours later → late %s", (hours, late) => {
    expect(isLateReport(at, new Date(at.getTime() + hours * HOUR))).toBe(late);
  });
});

describe("accidentStatus", () => {
  it("is ACCEPTED only when the covering month is paid", () => {
    expect(accidentStatus(true)).toBe(AccidentReportStatus.ACCEPTED);
    expect(accidentStatus(false)).toBe(AccidentReportStatus.NOT_COVERED);
  });
});

describe("checkAccidentTime", () => {
  const now = new Date("2024-05-10T08:00:00Z");
  it("takes the past and a clock a few minutes fast", () => {
    expect(() => checkAccidentTime(new Date("2023-01-01T00:00:00Z"), now)).not.toThrow();
    expect(() => checkAccidentTime(new Date(now.getTime() + 5 * 60_000), now)).not.toThrow();
  });
  it("refuses the future with a coded error on occurredAt", () => {
    expect(() => checkAccidentTime(new Date(now.getTime() + HOUR), now)).toThrow(
      expect.objectContaining({ code: "BAD_USER_INPUT", field: "occurredAt" }),
    );
    expect(() => checkAccidentTime(new Date("nope"), now)).toThrow(/not a valid point/);
  });
});

describe("checkWorkerReference: exactly one of workerId and nik", () => {
  it("returns the one given", () => {
    expect(checkWorkerReference({ workerId: "w1" })).toEqual({ workerId: "w1" });
    expect(checkWorkerReference({ nik: " 3310014507900001 " })).toEqual({
      nik: "3310014507900001",
    });
  });
  it.each([
    [{}, /give workerId or nik/],
    [{ workerId: " ", nik: "" }, /give workerId or nik/],
    [{ workerId: "w1", nik: "3310014507900001" }, /not both/],
  ])("%j → BAD_USER_INPUT", (input, message) => {
    expect(() => checkWorkerReference(input)).toThrow(message);
  });
});

describe("isPlkk", () => {
  it("holds for hospitals, clinics and puskesmas only", () => {
    const plkk = Object.values(PartnerKind).filter(isPlkk);
    expect(plkk).toEqual(["PLKK_HOSPITAL", "PLKK_CLINIC", "PLKK_PUSKESMAS"]);
  });
});
