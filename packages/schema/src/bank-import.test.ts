import {
  BankMatch,
  BankRowOutcome,
  DONOR_NUMBER_PATTERN,
  matchBankRow,
  normalizeDonorNumber,
  parseBankAmount,
  parseBankRow,
  referencePrefixes,
  summarizeBankImport,
} from "./bank-import";

const TODAY = "2024-11-30";

describe("parseBankAmount: whole rupiah as banks print them", () => {
  it.each([
    ["16800", 16_800],
    ["36.800", 36_800],
    ["Rp36.800,00", 36_800],
    ["Rp 201.600", 201_600],
    ["36,800.00", 36_800],
    ["1.234.567", 1_234_567],
    ["441600.00", 441_600],
  ])("%s is Rp%d", (text, amount) => {
    expect(parseBankAmount(text)).toEqual({ amount });
  });

  it.each([
    ["0", "AMOUNT_NOT_POSITIVE"],
    ["-16800", "AMOUNT_NOT_POSITIVE"],
    ["(16.800)", "AMOUNT_NOT_POSITIVE"],
    ["16800.50", "AMOUNT_NOT_WHOLE"],
    ["36.800,5", "AMOUNT_NOT_WHOLE"],
    ["", "INVALID_AMOUNT"],
    ["enam belas ribu", "INVALID_AMOUNT"],
    ["16.80.0", "INVALID_AMOUNT"],
  ])("%s is refused with %s", (text, code) => {
    const res = parseBankAmount(text);
    expect("error" in res && res.error).toMatchObject({ code, field: "amount" });
  });
});

describe("parseBankRow", () => {
  const ok = {
    paidOn: "2024-11-05",
    amount: "201.600",
    reference: " SRT-0007/NOV ",
    payerName: " PT Rumpun Tani ",
    donorNumber: " srt-0007 ",
  };

  it("trims and reads a good row", () => {
    expect(parseBankRow(ok, TODAY)).toEqual({
      row: {
        paidOn: "2024-11-05",
        amount: 201_600,
        reference: "SRT-0007/NOV",
        payerName: "PT Rumpun Tani",
        donorNumber: "SRT-0007",
      },
    });
  });

  it.each([
    [{ paidOn: "05/11/2024" }, "INVALID_DATE", "paidOn"],
    [{ paidOn: "2024-02-30" }, "INVALID_DATE", "paidOn"],
    [{ paidOn: "2024-12-01" }, "FUTURE_DATE", "paidOn"],
    [{ amount: "0" }, "AMOUNT_NOT_POSITIVE", "amount"],
    [{ amount: "-36800" }, "AMOUNT_NOT_POSITIVE", "amount"],
    [{ amount: "16800.5" }, "AMOUNT_NOT_WHOLE", "amount"],
    [{ reference: "   " }, "REFERENCE_BLANK", "reference"],
    [{ reference: "X".repeat(101) }, "REFERENCE_TOO_LONG", "reference"],
  ])("%o is refused with %s", (change, code, field) => {
    const res = parseBankRow({ ...ok, ...change }, TODAY);
    expect("error" in res && res.error).toMatchObject({ code, field });
  });

  it("takes today itself, and no donor number as null", () => {
    const res = parseBankRow({ ...ok, paidOn: TODAY, donorNumber: "" }, TODAY);
    expect("row" in res && res.row).toMatchObject({ paidOn: TODAY, donorNumber: null });
  });
});

describe("referencePrefixes: only whole leading runs", () => {
  it("stops at separators", () => {
    expect(referencePrefixes("srt-0007/nov 2024")).toEqual([
      "SRT",
      "SRT-0007",
      "SRT-0007/NOV",
      "SRT-0007/NOV 2024",
    ]);
  });
  it("gives nothing for a reference without letters or digits at the start", () => {
    expect(referencePrefixes("")).toEqual([]);
  });
});

describe("matchBankRow: picked, then donor number, then reference prefix", () => {
  const donors = new Map([
    ["SRT-0007", "Rumpun Tani"],
    ["SRT-0070", "Koperasi Sido Makmur"],
    ["SRT", "catch-all"],
    ["VA8808123", "Pemkab Klaten"],
  ]);

  it("by the row's donor number", () => {
    expect(matchBankRow({ reference: "TRF 991", donorNumber: "VA8808123" }, donors)).toEqual({
      donor: "Pemkab Klaten",
      match: BankMatch.DONOR_NUMBER,
    });
  });
  it("by the longest donor number the reference starts with", () => {
    expect(matchBankRow({ reference: "SRT-0070-NOV", donorNumber: null }, donors)).toEqual({
      donor: "Koperasi Sido Makmur",
      match: BankMatch.REFERENCE_PREFIX,
    });
  });
  it("an unknown donor number falls back to the reference", () => {
    expect(matchBankRow({ reference: "SRT-0007", donorNumber: "VA000" }, donors)).toEqual({
      donor: "Rumpun Tani",
      match: BankMatch.REFERENCE_PREFIX,
    });
  });
  it("never half a word", () => {
    expect(matchBankRow({ reference: "SRT00071", donorNumber: null }, donors)).toEqual({
      donor: null,
      match: BankMatch.NONE,
    });
  });
  it("the officer's pick wins", () => {
    expect(
      matchBankRow({ reference: "SRT-0007", donorNumber: "VA8808123" }, donors, "Hamba Allah"),
    ).toEqual({ donor: "Hamba Allah", match: BankMatch.PICKED });
  });
});

describe("donor numbers", () => {
  it("are stored upper case, blank as null", () => {
    expect(normalizeDonorNumber(" va8808123 ")).toBe("VA8808123");
    expect(normalizeDonorNumber("  ")).toBeNull();
  });
  it.each([
    ["SRT-0007", true],
    ["8808123456", true],
    ["AB", false],
    ["-SRT", false],
    ["SRT 0007", false],
  ])("%s is a donor number: %s", (n, ok) => {
    expect(DONOR_NUMBER_PATTERN.test(n)).toBe(ok);
  });
});

describe("summarizeBankImport", () => {
  it("counts each outcome and sums the rupiah recorded", () => {
    expect(
      summarizeBankImport([
        { outcome: BankRowOutcome.RECORDED, amount: 201_600 },
        { outcome: BankRowOutcome.RECORDED, amount: 36_800 },
        { outcome: BankRowOutcome.ALREADY_RECORDED, amount: 16_800 },
        { outcome: BankRowOutcome.UNMATCHED, amount: 16_800 },
        { outcome: BankRowOutcome.ERROR, amount: null },
        { outcome: BankRowOutcome.READY, amount: 441_600 },
      ]),
    ).toEqual({
      recorded: 2,
      recordedAmount: 238_400,
      ready: 1,
      readyAmount: 441_600,
      alreadyRecorded: 1,
      unmatched: 1,
      errors: 1,
    });
  });
});
