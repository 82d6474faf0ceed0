import { paidAtOfDay } from "./paid-at";

test("a payment entered for today is recorded now, even before noon in Jakarta", () => {
  // 02:30 WIB on 7 December: noon of that day would be in the future.
  const now = new Date("2026-12-06T19:30:00Z");
  expect(paidAtOfDay("2026-12-07", now)).toBe("2026-12-06T19:30:00.000Z");
});

test("an earlier day is recorded at noon WIB, so it stays that day in any zone", () => {
  const now = new Date("2026-12-06T19:30:00Z");
  expect(paidAtOfDay("2026-12-06", now)).toBe("2026-12-06T05:00:00.000Z");
  expect(paidAtOfDay("2026-11-30", now)).toBe("2026-11-30T05:00:00.000Z");
});
