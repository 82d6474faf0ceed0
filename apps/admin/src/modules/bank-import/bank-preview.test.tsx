import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { renderWithProviders } from "../../test/render";
import { BankPreview } from "./bank-preview";
import {
  type BankResult,
  inputsOf,
  isChecked,
  pickDonor,
  previewRows,
  withResult,
} from "./bank-rows";
import { BANK_DONOR_OPTIONS } from "./graphql/bank-donor-options.query";

// The file the officer picked, as papaparse hands it over (line 1 is the header).
const file = previewRows([
  {
    paidOn: "2024-11-05",
    amount: "36.800",
    reference: "TRF-8812001",
    payerName: "KAS DAERAH KLATEN",
    donorNumber: "VA8808123",
  },
  {
    paidOn: "2024-11-05",
    amount: "67.200",
    reference: "SRT-0007/NOV",
    payerName: "RUMPUN TANI PT",
  },
  { paidOn: "2024-11-06", amount: "16.800", reference: "TRF-8812004", payerName: "NN" },
  { paidOn: "2024-11-31", amount: "16.800", reference: "TRF-8812005", payerName: "NN" },
]);
const row = (line: number, rest: Partial<BankResult["rows"][number]>) => ({
  __typename: "BankImportRow" as const,
  line,
  match: "NONE" as const,
  outcome: "UNMATCHED" as const,
  amount: null,
  donor: null,
  payment: null,
  error: null,
  ...rest,
});
const donor = (id: string, name: string) => ({ __typename: "Donor" as const, id, name });
const dryRun: BankResult = {
  dryRun: true,
  recorded: 0,
  recordedAmount: 0,
  ready: 2,
  readyAmount: 104_000,
  alreadyRecorded: 0,
  unmatched: 1,
  errors: 1,
  rows: [
    row(2, {
      match: "DONOR_NUMBER",
      outcome: "READY",
      amount: 36_800,
      donor: donor("d1", "Pemkab Klaten (APBD)"),
    }),
    row(3, {
      match: "REFERENCE_PREFIX",
      outcome: "READY",
      amount: 67_200,
      donor: donor("d2", "PT Rumpun Tani"),
    }),
    row(4, { amount: 16_800 }),
    row(5, {
      outcome: "ERROR",
      error: {
        code: "INVALID_DATE",
        field: "paidOn",
        message: 'paidOn "2024-11-31" is not a date in the form YYYY-MM-DD.',
      },
    }),
  ],
};
const donorOptions = {
  request: { query: BANK_DONOR_OPTIONS, variables: { filter: null } },
  result: {
    data: {
      donors: {
        __typename: "DonorConnection",
        nodes: [
          {
            __typename: "Donor",
            id: "d3",
            name: "Hamba Allah",
            accountNumber: null,
            region: { __typename: "Region", code: "33.10.26", name: "Klaten Selatan" },
          },
        ],
      },
    },
  },
  maxUsageCount: Number.POSITIVE_INFINITY,
};

test("the file's rows become the API's input, by CSV line", () => {
  expect(inputsOf(file).map((r) => [r.line, r.amount, r.donorNumber, r.payerName])).toEqual([
    [2, "36.800", "VA8808123", "KAS DAERAH KLATEN"],
    [3, "67.200", null, "RUMPUN TANI PT"],
    [4, "16.800", null, "NN"],
    [5, "16.800", null, "NN"],
  ]);
});

test("a pick is sent with its row and makes the file need checking again", () => {
  const checked = withResult(file, dryRun);
  expect(isChecked(checked)).toBe(true);
  const picked = pickDonor(checked, 4, { id: "d3", name: "Hamba Allah" });
  expect(isChecked(picked)).toBe(false);
  expect(picked[2].result).toBeNull();
  expect(inputsOf(picked).map((r) => r.donorId)).toEqual([null, null, "d3", null]);
});

test("shows how each row matched, a picker where none did, and the refusal", async () => {
  const onPick = jest.fn();
  renderWithProviders(<BankPreview rows={withResult(file, dryRun)} onPick={onPick} />, [
    donorOptions,
  ]);
  const lines = screen.getAllByRole("row").slice(1);
  expect(within(lines[0]).getByText("Pemkab Klaten (APBD)")).toBeTruthy();
  expect(within(lines[0]).getByText("Nomor donatur")).toBeTruthy();
  expect(within(lines[0]).getByText("Rp36.800")).toBeTruthy();
  expect(within(lines[1]).getByText("Awalan referensi")).toBeTruthy();
  expect(within(lines[1]).getByText("Siap dicatat")).toBeTruthy();
  expect(within(lines[2]).getByText("Belum cocok")).toBeTruthy();
  expect(within(lines[3]).getByText(/INVALID_DATE/)).toBeTruthy();
  // Only the unmatched row offers a picker.
  expect(screen.getAllByRole("combobox", { name: /Pilih donatur baris/ })).toHaveLength(1);

  await userEvent.click(screen.getByRole("combobox", { name: "Pilih donatur baris 4" }));
  await userEvent.click(
    await screen.findByRole("option", { name: "Hamba Allah · Klaten Selatan", hidden: true }),
  );
  await waitFor(() => expect(onPick).toHaveBeenCalledWith(4, { id: "d3", name: "Hamba Allah" }));
});
