import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { renderWithProviders } from "../../test/render";
import { BankImportPage } from "./bank-import-page";
import { BANK_DONOR_OPTIONS } from "./graphql/bank-donor-options.query";
import { IMPORT_BANK_PAYMENTS } from "./graphql/import-bank-payments.mutation";

const CSV = `paidOn,amount,reference,payerName,donorNumber
2024-11-05,36.800,TRF-8812001,KAS DAERAH KLATEN,VA8808123
2024-11-06,16.800,TRF-8812004,NN,
`;
const input = (donorId: string | null) => [
  {
    line: 2,
    paidOn: "2024-11-05",
    amount: "36.800",
    reference: "TRF-8812001",
    payerName: "KAS DAERAH KLATEN",
    donorNumber: "VA8808123",
    donorId: null,
  },
  {
    line: 3,
    paidOn: "2024-11-06",
    amount: "16.800",
    reference: "TRF-8812004",
    payerName: "NN",
    donorNumber: null,
    donorId,
  },
];
const pemkab = { __typename: "Donor", id: "d1", name: "Pemkab Klaten (APBD)" };
const hamba = { __typename: "Donor", id: "d3", name: "Hamba Allah" };
const answer = (
  dryRun: boolean,
  second: Record<string, unknown>,
  totals: Record<string, number>,
) => ({
  data: {
    importBankPayments: {
      __typename: "BankImportResult",
      dryRun,
      recorded: 0,
      recordedAmount: 0,
      ready: 0,
      readyAmount: 0,
      alreadyRecorded: 0,
      unmatched: 0,
      errors: 0,
      ...totals,
      rows: [
        {
          __typename: "BankImportRow",
          line: 2,
          match: "DONOR_NUMBER",
          outcome: dryRun ? "READY" : "RECORDED",
          amount: 36_800,
          donor: pemkab,
          payment: dryRun ? null : { __typename: "Payment", id: "p1" },
          error: null,
        },
        {
          __typename: "BankImportRow",
          line: 3,
          amount: 16_800,
          payment: null,
          error: null,
          ...second,
        },
      ],
    },
  },
});
const mocks = [
  {
    request: {
      query: IMPORT_BANK_PAYMENTS,
      variables: { input: { rows: input(null), dryRun: true } },
    },
    result: answer(
      true,
      { match: "NONE", outcome: "UNMATCHED", donor: null },
      { ready: 1, readyAmount: 36_800, unmatched: 1 },
    ),
  },
  {
    request: {
      query: IMPORT_BANK_PAYMENTS,
      variables: { input: { rows: input("d3"), dryRun: true } },
    },
    result: answer(
      true,
      { match: "PICKED", outcome: "READY", donor: hamba },
      { ready: 2, readyAmount: 53_600 },
    ),
  },
  {
    request: {
      query: IMPORT_BANK_PAYMENTS,
      variables: { input: { rows: input("d3"), dryRun: false } },
    },
    result: answer(
      false,
      {
        match: "PICKED",
        outcome: "RECORDED",
        donor: hamba,
        payment: { __typename: "Payment", id: "p2" },
      },
      { recorded: 2, recordedAmount: 53_600 },
    ),
  },
  {
    request: { query: BANK_DONOR_OPTIONS, variables: { filter: null } },
    result: {
      data: {
        donors: {
          __typename: "DonorConnection",
          nodes: [
            {
              ...hamba,
              accountNumber: null,
              region: { __typename: "Region", code: "33.10.26", name: "Klaten Selatan" },
            },
          ],
        },
      },
    },
    maxUsageCount: Number.POSITIVE_INFINITY,
  },
];

test("checks the file, takes the officer's pick, checks again, then records it all", async () => {
  renderWithProviders(<BankImportPage />, mocks);
  const file = new File([CSV], "mutasi.csv", { type: "text/csv" });
  const picker = document.querySelector<HTMLInputElement>('input[type="file"]')!;
  await userEvent.upload(picker, file);
  await screen.findByText("2 baris");
  const record = () => screen.getByRole("button", { name: "Catat pembayaran" });
  expect((record() as HTMLButtonElement).disabled).toBe(true);

  await userEvent.click(screen.getByRole("button", { name: "Periksa (uji coba)" }));
  await screen.findByText(/Uji coba: 1 pembayaran siap dicatat \(Rp36\.800\)/);
  expect((record() as HTMLButtonElement).disabled).toBe(false);

  await userEvent.click(screen.getByRole("combobox", { name: "Pilih donatur baris 3" }));
  await userEvent.click(
    await screen.findByRole("option", { name: "Hamba Allah · Klaten Selatan", hidden: true }),
  );
  // A new pick: what the dry run said no longer holds.
  await waitFor(() => expect((record() as HTMLButtonElement).disabled).toBe(true));
  await userEvent.click(screen.getByRole("button", { name: "Periksa (uji coba)" }));
  await screen.findByText(/Uji coba: 2 pembayaran siap dicatat \(Rp53\.600\)/);

  await userEvent.click(record());
  await screen.findByText(
    "2 pembayaran dicatat (Rp53.600), 0 sudah tercatat sebelumnya, 0 belum cocok, 0 ditolak.",
  );
});
