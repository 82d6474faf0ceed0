import { screen } from "@testing-library/react";
import { MemoryRouter } from "react-router";
import { regionMocks, renderWithProviders } from "../../test/render";
import { ViewerContext, type Viewer } from "../auth/viewer";
import { ENDING_SPONSORSHIPS } from "./graphql/ending-sponsorships.query";
import { RenewalsPage } from "./renewals-page";

const klatenOfficer: Viewer = {
  id: "u1",
  name: "Petugas Klaten",
  email: "officer.klaten@sertakan.local",
  role: "OFFICER",
  regionScope: { code: "33.10", name: "Kabupaten Klaten", level: "REGENCY" },
};

const node = {
  __typename: "Sponsorship",
  id: "s1",
  package: "JKK_JKM",
  declaredIncome: 1_000_000,
  monthlyContribution: 16_800,
  startMonth: "2026-01",
  endMonth: "2026-12",
  months: 12,
  status: "ACTIVE",
  donor: { __typename: "Donor", id: "d1", name: "PT Tiga Serangkai" },
  worker: {
    __typename: "Worker",
    id: "w1",
    fullName: "Sri Rahayu",
    village: { __typename: "Region", name: "Randusari" },
  },
};

describe("RenewalsPage", () => {
  test("asks for ACTIVE sponsorships ending this month or next, not renewed, of the donor in the URL", async () => {
    renderWithProviders(
      <ViewerContext.Provider value={klatenOfficer}>
        <MemoryRouter initialEntries={["/sponsorships/ending?donor=d1"]}>
          <RenewalsPage />
        </MemoryRouter>
      </ViewerContext.Provider>,
      [
        ...regionMocks,
        {
          request: {
            query: ENDING_SPONSORSHIPS,
            variables: {
              filter: { status: ["ACTIVE"], endingWithinMonths: 1, renewed: false, donorId: "d1" },
              first: 200,
            },
          },
          result: {
            data: {
              sponsorships: { __typename: "SponsorshipConnection", totalCount: 1, nodes: [node] },
            },
          },
        },
      ],
    );
    expect(await screen.findByText("1 penanggungan akan berakhir")).toBeTruthy();
    expect(screen.getByText("Hanya penanggungan donatur PT Tiga Serangkai")).toBeTruthy();
    expect(screen.getByRole("checkbox", { name: "Pilih penanggungan Sri Rahayu" })).toBeTruthy();
  });
});
