import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { renderWithProviders } from "../../test/render";
import { CancelSponsorshipButton } from "./cancel-sponsorship";
import { CANCEL_SPONSORSHIP } from "./graphql/cancel-sponsorship.mutation";

// Three months of JKK + JKM at Rp16.800, the first one paid.
const sponsorship = { id: "s1", status: "ACTIVE", paid: 16_800, total: 50_400 };

describe("CancelSponsorshipButton", () => {
  const open = async () => {
    await userEvent.click(
      screen.getByRole("button", { name: "Batalkan penanggungan Sri Rahayu, Jan 2026 – Mar 2026" }),
    );
    return screen.findByRole("dialog", { name: "Batalkan penanggungan" });
  };

  test("says paid months stay paid and will not cancel without a reason", async () => {
    const cancelled = jest.fn();
    renderWithProviders(
      <CancelSponsorshipButton
        sponsorship={sponsorship}
        description="Sri Rahayu, Jan 2026 – Mar 2026"
      />,
      [
        {
          request: { query: CANCEL_SPONSORSHIP, variables: { id: "s1", reason: "x" } },
          result: cancelled,
        },
      ],
    );
    await open();
    expect(screen.getByText(/Rp16\.800\) tetap lunas/)).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "Batalkan penanggungan" }));
    expect(await screen.findByText("Tuliskan alasannya (minimal 3 karakter).")).toBeTruthy();
    expect(
      screen.getByRole("textbox", { name: /Alasan pembatalan/ }).getAttribute("aria-invalid"),
    ).toBe("true");
    expect(cancelled).not.toHaveBeenCalled();
  });

  test("cancels with the sponsorship's id and the reason given", async () => {
    const reason = "Donatur memindahkan dana ke program lain";
    const cancelled = jest.fn(() => ({
      data: {
        cancelSponsorship: {
          __typename: "Sponsorship",
          id: "s1",
          status: "CANCELLED",
          cancelReason: reason,
          paid: 16_800,
          total: 16_800,
        },
      },
    }));
    renderWithProviders(
      <CancelSponsorshipButton
        sponsorship={sponsorship}
        description="Sri Rahayu, Jan 2026 – Mar 2026"
      />,
      [
        {
          request: { query: CANCEL_SPONSORSHIP, variables: { id: "s1", reason } },
          result: cancelled,
        },
      ],
    );
    await open();
    await userEvent.type(
      screen.getByRole("textbox", { name: /Alasan pembatalan/ }),
      `  ${reason} `,
    );
    await userEvent.click(screen.getByRole("button", { name: "Batalkan penanggungan" }));
    await waitFor(() => expect(cancelled).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
  });
});
