import { liveQuote } from "./live-quote";

describe("liveQuote (the shared price table)", () => {
  test("JKK+JKM at the minimum income is Rp16,800 a month", () => {
    const q = liveQuote("JKK_JKM", null, 12, 10);
    expect(q).toMatchObject({ ok: true, quote: { monthly: 16_800, total: 2_016_000 } });
  });
  test("with JHT it is Rp36,800", () => {
    expect(liveQuote("JKK_JKM_JHT", 1_000_000, 1, 1)).toMatchObject({
      ok: true,
      quote: { jkk: 10_000, jkm: 6_800, jht: 20_000, monthly: 36_800 },
    });
  });
  test("an income out of range names the field at fault", () => {
    expect(liveQuote("JKK_JKM", 500_000, 1, 1)).toMatchObject({
      ok: false,
      field: "declaredIncome",
    });
    expect(liveQuote("JKK_JKM", null, 25, 1)).toMatchObject({ ok: false, field: "months" });
  });
});
