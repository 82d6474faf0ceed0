import { fireEvent, screen } from "@testing-library/react";
import { renderWithProviders } from "../../test/render";
import { defaultStatementPeriod, receiptUrl, statementUrl } from "./document-urls";
import { ReceiptLink } from "./receipt-link";
import { StatementButton } from "./statement-button";

// 6 December 2026, 10:00 WIB.
const NOW = new Date("2026-12-06T03:00:00Z");
const DONOR = "9b2f4c1e-0000-4000-8000-000000000001";

test("the URLs are the API's document routes", () => {
  expect(receiptUrl("p1")).toBe("/documents/payments/p1/receipt.pdf");
  expect(statementUrl(DONOR, "2026-01", "2026-12")).toBe(
    `/documents/donors/${DONOR}/statement.pdf?from=2026-01&to=2026-12`,
  );
  // The first day of a month in Jakarta is still the previous month in UTC.
  expect(defaultStatementPeriod(new Date("2026-12-31T18:00:00Z"))).toEqual({
    from: "2026-02",
    to: "2027-01",
  });
});

test("the statement link opens the chosen months in a new tab, and not a reversed period", () => {
  renderWithProviders(<StatementButton donorId={DONOR} now={NOW} />);
  const link = screen.getByRole("link", { name: "Laporan donatur (PDF)" });
  expect(link.getAttribute("href")).toBe(
    `/documents/donors/${DONOR}/statement.pdf?from=2026-01&to=2026-12`,
  );
  expect(link.getAttribute("target")).toBe("_blank");
  fireEvent.change(screen.getByLabelText("Dari bulan"), { target: { value: "2026-11" } });
  expect(screen.getByRole("link", { name: "Laporan donatur (PDF)" }).getAttribute("href")).toBe(
    `/documents/donors/${DONOR}/statement.pdf?from=2026-11&to=2026-12`,
  );
  fireEvent.change(screen.getByLabelText("Sampai bulan"), { target: { value: "2026-10" } });
  expect(screen.queryByRole("link", { name: "Laporan donatur (PDF)" })).toBeNull();
  expect(
    screen.getByRole("button", { name: "Laporan donatur (PDF)" }).hasAttribute("disabled"),
  ).toBe(true);
  expect(screen.getByText("Bulan awal harus sebelum atau sama dengan bulan akhir.")).toBeTruthy();
});

test("each payment's receipt link names its reference", () => {
  renderWithProviders(<ReceiptLink paymentId="p1" reference="KW-2026-0001" />);
  const link = screen.getByRole("link", { name: "Kuitansi KW-2026-0001 (PDF, tab baru)" });
  expect(link.getAttribute("href")).toBe("/documents/payments/p1/receipt.pdf");
  expect(link.textContent).toBe("Kuitansi (PDF)");
});
