import { fireEvent, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter } from "react-router";
import { renderWithProviders } from "../../test/render";
import { CounterPage } from "./counter-page";
import { COVERAGE_CHECK } from "./graphql/coverage-check.query";

const NIK = "3310014507900001";
const DAY = "2026-03-31";

const answer = (covered: boolean, worker: boolean) => ({
  data: {
    coverageCheck: {
      __typename: "CoverageCheck",
      nik: "3310••••••••0001",
      date: DAY,
      covered,
      coveredThrough: worker ? (covered ? "2026-05" : "2026-02") : null,
      coveredBy: covered
        ? { __typename: "Contribution", id: "c1", month: "2026-03", status: "PAID" }
        : null,
      worker: worker
        ? {
            __typename: "Worker",
            id: "w1",
            fullName: "Sri Rahayu",
            coverageStatus: covered ? "ACTIVE" : "ARREARS",
            village: { __typename: "Region", code: "33.10.01.2001", name: "Randusari" },
          }
        : null,
    },
  },
});

async function check(covered: boolean, worker: boolean) {
  renderWithProviders(
    <MemoryRouter>
      <CounterPage />
    </MemoryRouter>,
    [
      {
        request: { query: COVERAGE_CHECK, variables: { nik: NIK, date: DAY } },
        result: answer(covered, worker),
      },
    ],
  );
  await userEvent.type(screen.getByRole("textbox", { name: /NIK/ }), NIK);
  fireEvent.change(screen.getByLabelText(/Tanggal kecelakaan/), { target: { value: DAY } });
  await userEvent.click(screen.getByRole("button", { name: "Periksa perlindungan" }));
  return screen.findByTestId("counter-answer");
}

describe("CounterPage", () => {
  test("a paid month: protected, with the covering month and a prefilled report", async () => {
    const card = await check(true, true);
    expect(within(card).getByText("Terlindungi")).toBeTruthy();
    expect(
      within(card).getByText("Iuran bulan Maret 2026 sudah dibayar: JKK berlaku."),
    ).toBeTruthy();
    const report = within(card).getByRole("link", { name: "Laporkan kecelakaan" });
    expect(report.getAttribute("href")).toBe(`/accidents/new?worker=w1&date=${DAY}`);
  });

  test("an unpaid month: not protected, and which month is missing", async () => {
    const card = await check(false, true);
    expect(within(card).getByText("Tidak terlindungi")).toBeTruthy();
    expect(within(card).getByText("Iuran bulan Maret 2026 belum dibayar.")).toBeTruthy();
    expect(within(card).getByText("Iuran dibayar sampai Februari 2026.")).toBeTruthy();
  });

  test("an unknown NIK: not protected, not registered, nothing to report against", async () => {
    const card = await check(false, false);
    expect(within(card).getByText("Tidak terlindungi")).toBeTruthy();
    expect(within(card).getByText("NIK tidak terdaftar")).toBeTruthy();
    expect(within(card).queryByRole("link", { name: "Laporkan kecelakaan" })).toBeNull();
  });

  test("a NIK that is not 16 digits is refused before asking", async () => {
    renderWithProviders(
      <MemoryRouter>
        <CounterPage />
      </MemoryRouter>,
      [],
    );
    await userEvent.type(screen.getByRole("textbox", { name: /NIK/ }), "33100145");
    await userEvent.click(screen.getByRole("button", { name: "Periksa perlindungan" }));
    expect(await screen.findByText("NIK harus 16 digit angka.")).toBeTruthy();
    expect(screen.queryByTestId("counter-answer")).toBeNull();
  });
});
