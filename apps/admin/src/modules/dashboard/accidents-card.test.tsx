import { screen } from "@testing-library/react";
import { currentYearMonth } from "@sertakan/schema";
import { MemoryRouter } from "react-router";
import { renderWithProviders } from "../../test/render";
import { accidentListUrl, AccidentsCard } from "./accidents-card";
import { ACCIDENT_SUMMARY } from "./graphql/accident-summary.query";

function count(code: string, name: string, total: number, accepted: number, late = 0) {
  return {
    __typename: "AccidentCount",
    regionCode: code,
    total,
    accepted,
    notCovered: total - accepted,
    late,
    region: { __typename: "Region", code, name },
  };
}

function renderCard(children: ReturnType<typeof count>[], total: ReturnType<typeof count>) {
  const month = currentYearMonth();
  renderWithProviders(
    <MemoryRouter>
      <AccidentsCard regionCode="33.10" />
    </MemoryRouter>,
    [
      {
        request: { query: ACCIDENT_SUMMARY, variables: { month, regionCode: "33.10" } },
        result: {
          data: { accidentSummary: { __typename: "AccidentSummary", month, total, children } },
        },
      },
    ],
  );
  return month;
}

describe("accidentListUrl", () => {
  test.each([
    ["2026-11", "from=2026-11-01&to=2026-11-30"],
    ["2028-02", "from=2028-02-01&to=2028-02-29"],
    ["2026-12", "from=2026-12-01&to=2026-12-31"],
  ])("covers every day of %s", (month, days) => {
    expect(accidentListUrl("33.10.01", month)).toBe(`/accidents?region=33.10.01&${days}`);
  });
});

describe("AccidentsCard", () => {
  test("says how many of this month's accidents a paid month covered, district by district", async () => {
    const month = renderCard(
      [
        count("33.10.01", "Prambanan", 25, 20, 2),
        count("33.10.02", "Gantiwarno", 0, 0),
        count("33.10.03", "Wedi", 15, 11, 1),
      ],
      count("33.10", "Kabupaten Klaten", 40, 31, 3),
    );
    expect((await screen.findByTestId("accidents-summary")).textContent).toBe(
      "Dari 40 kecelakaan kerja bulan ini, 31 pekerja terlindungi",
    );
    expect(
      screen.getByText("9 tidak tertanggung · 3 dilaporkan terlambat (lebih dari 2 × 24 jam)"),
    ).toBeTruthy();
    // Only districts where something happened, each linked to its accident list.
    const rows = screen.getAllByRole("row").slice(1);
    expect(rows.map((r) => [...r.querySelectorAll("td")].map((c) => c.textContent))).toEqual([
      ["Prambanan", "25", "20", "5"],
      ["Wedi", "15", "11", "4"],
    ]);
    expect(screen.getByRole("link", { name: "Prambanan" }).getAttribute("href")).toBe(
      accidentListUrl("33.10.01", month),
    );
  });

  test("says so when nothing was reported", async () => {
    renderCard([count("33.10.01", "Prambanan", 0, 0)], count("33.10", "Kabupaten Klaten", 0, 0));
    expect(
      await screen.findByText("Belum ada kecelakaan kerja yang dilaporkan bulan ini."),
    ).toBeTruthy();
    expect(screen.queryByRole("table")).toBeNull();
  });
});
