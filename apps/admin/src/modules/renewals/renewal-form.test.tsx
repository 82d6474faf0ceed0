import { GraphQLError } from "graphql";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { renderWithProviders } from "../../test/render";
import { RENEW_SPONSORSHIPS } from "./graphql/renew-sponsorships.mutation";
import { RenewalForm, type EndingRow } from "./renewal-form";
import { renewalKey } from "./renewal-quote";

const row = (
  id: string,
  name: string,
  pkg: "JKK_JKM" | "JKK_JKM_JHT",
  endMonth: string,
): EndingRow => ({
  id,
  package: pkg,
  declaredIncome: 1_000_000,
  monthlyContribution: pkg === "JKK_JKM" ? 16_800 : 36_800,
  startMonth: "2026-01",
  endMonth,
  months: 12,
  status: "ACTIVE",
  donor: { id: "d1", name: "PT Tiga Serangkai" },
  worker: { id: `w-${id}`, fullName: name, village: { code: "33.10.01.2001", name: "Randusari" } },
});

// On 2026-12-06: two JKK+JKM and one JKK+JKM+JHT sponsorship end this month or next.
const rows = [
  row("s1", "Sri Rahayu", "JKK_JKM", "2026-12"),
  row("s2", "Budi Santoso", "JKK_JKM", "2027-01"),
  row("s3", "Siti Aminah", "JKK_JKM_JHT", "2026-12"),
];
const TODAY = "2026-12-06";

const quoteText = () => screen.getByTestId("renewal-quote").textContent;
const monthsInput = () => screen.getByRole("textbox", { name: /Lama perpanjangan/ });

describe("RenewalForm", () => {
  // mantine-datatable shows a cell while matchMedia("") matches, as an empty query does in
  // a browser; the shared stub answers false to every query, which would blank the cells.
  const stubbed = window.matchMedia;
  beforeAll(() => {
    window.matchMedia = (query: string) => ({ ...stubbed(query), matches: query.trim() === "" });
  });
  afterAll(() => {
    window.matchMedia = stubbed;
  });

  test("quotes the selection per package from today's price table as it changes", async () => {
    renderWithProviders(<RenewalForm rows={rows} today={TODAY} />, []);
    // The months after the end: 2027-01 for December, 2027-02 for January.
    const cells = async (name: string) =>
      [...(await screen.findByText(name)).closest("tr")!.querySelectorAll("td")]
        .slice(1)
        .map((cell) => cell.textContent);
    expect(await cells("Sri Rahayu")).toEqual([
      "Sri Rahayu",
      "Randusari",
      "PT Tiga Serangkai",
      "JKK + JKM",
      "Rp16.800",
      "Desember 2026",
      "Januari 2027",
    ]);
    expect((await cells("Budi Santoso")).slice(5)).toEqual(["Januari 2027", "Februari 2027"]);
    expect(screen.queryByTestId("renewal-quote")).toBeNull();
    expect(screen.getByRole("button", { name: "Perpanjang" })).toHaveProperty("disabled", true);

    await userEvent.click(screen.getByRole("checkbox", { name: "Pilih semua penanggungan" }));
    expect(screen.getByTestId("renewal-selected").textContent).toBe("3 dipilih");
    // Default 12 months: 2 × 16.800 × 12 = 403.200 and 1 × 36.800 × 12 = 441.600.
    expect(quoteText()).toContain("2 × JKK + JKM × Rp16.800 × 12 bulan = Rp403.200");
    expect(quoteText()).toContain("1 × JKK + JKM + JHT × Rp36.800 × 12 bulan = Rp441.600");
    expect(quoteText()).toContain("Jumlah: Rp844.800");

    await userEvent.clear(monthsInput());
    await userEvent.type(monthsInput(), "6");
    expect(quoteText()).toContain("2 × JKK + JKM × Rp16.800 × 6 bulan = Rp201.600");
    expect(quoteText()).toContain("Jumlah: Rp422.400");

    await userEvent.click(screen.getByRole("checkbox", { name: "Pilih penanggungan Siti Aminah" }));
    expect(quoteText()).not.toContain("JHT");
    expect(quoteText()).toContain("Jumlah: Rp201.600");

    await userEvent.clear(monthsInput());
    await userEvent.type(monthsInput(), "25");
    expect(screen.queryByTestId("renewal-quote")).toBeNull();
    expect(screen.getByRole("button", { name: "Perpanjang" })).toHaveProperty("disabled", true);
  });

  test("renews the selected sponsorships with the months chosen and one key per request", async () => {
    const keys: string[] = [];
    const renewed = jest.fn(() => ({
      data: {
        renewSponsorships: [
          {
            __typename: "Sponsorship",
            id: "n1",
            startMonth: "2027-01",
            endMonth: "2027-06",
            total: 100_800,
          },
          {
            __typename: "Sponsorship",
            id: "n2",
            startMonth: "2027-02",
            endMonth: "2027-07",
            total: 100_800,
          },
        ],
      },
    }));
    renderWithProviders(<RenewalForm rows={rows} today={TODAY} />, [
      {
        request: {
          query: RENEW_SPONSORSHIPS,
          variables: (v: {
            input: { sponsorshipIds: string[]; months: number; idempotencyKey: string };
          }) => {
            keys.push(v.input.idempotencyKey);
            return v.input.months === 6 && v.input.sponsorshipIds.join() === "s1,s2";
          },
        },
        result: renewed,
      },
    ]);
    await userEvent.click(screen.getByRole("checkbox", { name: "Pilih penanggungan Sri Rahayu" }));
    await userEvent.click(
      screen.getByRole("checkbox", { name: "Pilih penanggungan Budi Santoso" }),
    );
    await userEvent.clear(monthsInput());
    await userEvent.type(monthsInput(), "6");
    await userEvent.click(screen.getByRole("button", { name: "Perpanjang" }));
    const dialog = await screen.findByRole("dialog", { name: "Perpanjang penanggungan" });
    expect(dialog.textContent).toContain(
      "2 penanggungan diperpanjang 6 bulan dengan total Rp201.600",
    );
    await userEvent.click(screen.getByRole("button", { name: "Ya, perpanjang" }));
    await waitFor(() => expect(renewed).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    // The key names the visit and the request: the same selection again would replay.
    const visit = keys[0].split(":")[0];
    expect(keys[0]).toBe(renewalKey(visit, ["s1", "s2"], 6));
    expect(renewalKey(visit, ["s2", "s1"], 6)).toBe(keys[0]);
    expect(renewalKey(visit, ["s1"], 6)).not.toBe(keys[0]);
    expect(renewalKey(visit, ["s1", "s2"], 12)).not.toBe(keys[0]);
    expect(screen.getByTestId("renewal-selected").textContent).toBe("0 dipilih");
  });

  test("shows MONTH_ALREADY_COVERED translated, with the worker and months the API names", async () => {
    const message =
      "Nothing was pledged: this worker is already covered for some of these months: Sri Rahayu (2027-02, 2027-03).";
    renderWithProviders(<RenewalForm rows={rows} today={TODAY} />, [
      {
        request: { query: RENEW_SPONSORSHIPS, variables: () => true },
        result: {
          errors: [new GraphQLError(message, { extensions: { code: "MONTH_ALREADY_COVERED" } })],
        },
      },
    ]);
    await userEvent.click(screen.getByRole("checkbox", { name: "Pilih penanggungan Sri Rahayu" }));
    await userEvent.click(screen.getByRole("button", { name: "Perpanjang" }));
    await userEvent.click(await screen.findByRole("button", { name: "Ya, perpanjang" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain(
      "Salah satu pekerja sudah ditanggung untuk bulan tersebut.",
    );
    expect(alert.textContent).toContain("Sri Rahayu (2027-02, 2027-03)");
    // Nothing was renewed: the selection stays for another try.
    expect(screen.getByTestId("renewal-selected").textContent).toBe("1 dipilih");
  });
});
