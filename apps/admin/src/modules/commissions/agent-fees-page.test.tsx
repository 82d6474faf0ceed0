import type { MockedResponse } from "@apollo/client/testing";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { GraphQLError } from "graphql";
import Papa from "papaparse";
import { MemoryRouter } from "react-router";
import { downloadText } from "../../lib/download";
import { regionMocks, renderWithProviders } from "../../test/render";
import { ViewerContext, type Viewer } from "../auth/viewer";
import { defaultFeeMonth } from "./agent-fees";
import { AgentFeesPage } from "./agent-fees-page";
import { AGENT_COMMISSIONS } from "./graphql/agent-commissions.query";

jest.mock("../../lib/download", () => ({ downloadText: jest.fn() }));

const klatenOfficer: Viewer = {
  id: "u1",
  name: "Petugas Klaten",
  email: "officer.klaten@sertakan.local",
  role: "OFFICER",
  regionScope: { code: "33.10", name: "Kabupaten Klaten", level: "REGENCY" },
};

const variables = { month: "2026-11", regionCode: "33.10" };

function agent(
  id: string,
  name: string,
  figures: {
    newRecruits: number;
    paidMonths: number;
    contributions: number;
    acquisitionFee: number;
    contributionFee: number;
    institutionFee: number;
    suspended?: boolean;
  },
) {
  return {
    __typename: "AgentCommission",
    month: "2026-11",
    suspended: false,
    ...figures,
    agentFee: figures.acquisitionFee + figures.contributionFee,
    agent: {
      __typename: "Partner",
      id,
      name,
      region: { __typename: "Region", code: "33.10.01", name: "Prambanan" },
    },
  };
}

// 25 JKK+JKM+JHT recruits at Rp15,000 and 15% of Rp36,800; 24 JKK+JKM recruits (one short
// of the 25 an acquisition fee needs) at 15% of Rp16,800 = Rp2,520; one agent cut off.
const agents = [
  agent("a1", "Sri Wahyuni", {
    newRecruits: 25,
    paidMonths: 25,
    contributions: 920_000,
    acquisitionFee: 375_000,
    contributionFee: 138_000,
    institutionFee: 51_300,
  }),
  agent("a2", "Budi Santoso", {
    newRecruits: 24,
    paidMonths: 24,
    contributions: 403_200,
    acquisitionFee: 0,
    contributionFee: 60_480,
    institutionFee: 6_048,
  }),
  agent("a3", "Joko Lestari", {
    newRecruits: 0,
    paidMonths: 0,
    contributions: 0,
    acquisitionFee: 0,
    contributionFee: 0,
    institutionFee: 0,
    suspended: true,
  }),
];

const klaten = { __typename: "Region", code: "33.10", name: "Kabupaten Klaten" };

function feesMock(result: MockedResponse["result"]): MockedResponse {
  return { request: { query: AGENT_COMMISSIONS, variables }, result };
}

function renderPage(mock: MockedResponse, url = "/agent-fees?month=2026-11&region=33.10") {
  return renderWithProviders(
    <ViewerContext.Provider value={klatenOfficer}>
      <MemoryRouter initialEntries={[url]}>
        <AgentFeesPage />
      </MemoryRouter>
    </ViewerContext.Provider>,
    [...regionMocks, mock],
  );
}

describe("AgentFeesPage", () => {
  // mantine-datatable shows a cell while matchMedia("") matches, as an empty query does in
  // a browser; the shared stub answers false to every query, which would blank the cells.
  const stubbed = window.matchMedia;
  beforeAll(() => {
    window.matchMedia = (query: string) => ({ ...stubbed(query), matches: query.trim() === "" });
  });
  afterAll(() => {
    window.matchMedia = stubbed;
  });
  beforeEach(() => jest.mocked(downloadText).mockClear());

  test("lists every agent with a totals row summed across them", async () => {
    renderPage(feesMock({ data: { agentCommissions: agents, region: klaten } }));
    expect(
      await screen.findByRole("heading", {
        name: "Fee agen Perisai November 2026 · Kabupaten Klaten",
      }),
    ).toBeTruthy();
    const row = (await screen.findByText("Budi Santoso")).closest("tr")!;
    expect([...row.querySelectorAll("td")].map((cell) => cell.textContent)).toEqual([
      "Budi Santoso",
      "Prambanan",
      "24",
      "24",
      "Rp0",
      "Rp60.480",
      "Rp60.480",
      "Rp6.048",
      "Rp66.528",
      "Aktif",
    ]);

    const totals = document.querySelector("tfoot tr") as HTMLElement;
    expect(within(totals).getByText("Total")).toBeTruthy();
    expect([...totals.querySelectorAll("th, td")].map((cell) => cell.textContent)).toEqual([
      "Total",
      "",
      "49",
      "49",
      "Rp375.000",
      "Rp198.480",
      "Rp573.480",
      "Rp57.348",
      "Rp630.828",
      "",
    ]);
    const cutOff = screen.getByText("Joko Lestari").closest("tr")!;
    expect(within(cutOff).getByText("Diputus")).toBeTruthy();
    expect(screen.getByText(/1 agen diputus/)).toBeTruthy();
  });

  test("exports raw figures as CSV, named after the region and month", async () => {
    renderPage(feesMock({ data: { agentCommissions: agents, region: klaten } }));
    await userEvent.click(screen.getByRole("button", { name: "Ekspor CSV" }));
    await waitFor(() => expect(downloadText).toHaveBeenCalledTimes(1));
    const [filename, text] = jest.mocked(downloadText).mock.calls[0];
    expect(filename).toBe("fee-perisai-33.10-2026-11.csv");
    const parsed = Papa.parse<Record<string, string>>(text, { header: true });
    expect(parsed.data).toHaveLength(3);
    expect(parsed.data[0]).toMatchObject({
      agent: "Sri Wahyuni",
      regionCode: "33.10.01",
      newRecruits: "25",
      acquisitionFee: "375000",
      contributionFee: "138000",
      agentFee: "513000",
      institutionFee: "51300",
      total: "564300",
      suspended: "false",
    });
    expect(parsed.data[2]).toMatchObject({ agent: "Joko Lestari", total: "0", suspended: "true" });
  });

  test("prints the page", async () => {
    const print = jest.spyOn(window, "print").mockImplementation(() => undefined);
    renderPage(feesMock({ data: { agentCommissions: agents, region: klaten } }));
    await userEvent.click(screen.getByRole("button", { name: "Cetak" }));
    expect(print).toHaveBeenCalledTimes(1);
    print.mockRestore();
  });

  test("says so when the region has no agents, without a totals row", async () => {
    renderPage(feesMock({ data: { agentCommissions: [], region: klaten } }));
    expect(await screen.findByText("Tidak ada agen Perisai di wilayah ini.")).toBeTruthy();
    expect(document.querySelector("tfoot")).toBeNull();
    expect(screen.getByRole("button", { name: "Ekspor CSV" }).hasAttribute("disabled")).toBe(true);
  });

  test("shows the API's refusal in the officer's language", async () => {
    renderPage(
      feesMock({
        errors: [new GraphQLError("Forbidden", { extensions: { code: "FORBIDDEN" } })],
      }),
    );
    expect((await screen.findByRole("alert")).textContent).toBe(
      "Akun Anda tidak memiliki akses ke data ini.",
    );
  });

  test("asks for last month when the URL names none", async () => {
    const month = defaultFeeMonth();
    const asked = jest.fn(() => ({ data: { agentCommissions: agents, region: klaten } }));
    renderPage(
      {
        request: { query: AGENT_COMMISSIONS, variables: { month, regionCode: "33.10" } },
        result: asked,
      },
      "/agent-fees",
    );
    await waitFor(() => expect(asked).toHaveBeenCalledTimes(1));
  });
});
