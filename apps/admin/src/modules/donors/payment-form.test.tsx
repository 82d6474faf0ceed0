import { MockedProvider } from "@apollo/client/testing/react";
import { MantineProvider } from "@mantine/core";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { GraphQLError } from "graphql";
import { renderWithProviders } from "../../test/render";
import { theme } from "../../theme";
import { RECORD_PAYMENT } from "./graphql/record-payment.mutation";
import { PaymentForm } from "./payment-form";

// A past day is sent as noon WIB (today would be sent as the moment of saving).
const PAID_ON = "2026-01-15";

describe("PaymentForm", () => {
  test("offers the outstanding amount as Rupiah and asks for a reference first", async () => {
    renderWithProviders(<PaymentForm donorId="d1" suggested={50_400} />, []);
    expect(screen.getByRole("textbox", { name: /Jumlah/ })).toHaveProperty("value", "Rp50.400");
    await userEvent.click(screen.getByRole("button", { name: "Simpan pembayaran" }));
    expect(await screen.findByText("Wajib diisi.")).toBeTruthy();
  });

  test("follows a new outstanding amount unless the officer typed one", async () => {
    const form = (suggested: number) => (
      <MantineProvider theme={theme}>
        <MockedProvider mocks={[]}>
          <PaymentForm donorId="d1" suggested={suggested} />
        </MockedProvider>
      </MantineProvider>
    );
    const view = render(form(50_400));
    const amount = () => screen.getByRole("textbox", { name: /Jumlah/ });
    // A sponsorship cancelled on the page: less is outstanding.
    view.rerender(form(16_800));
    await waitFor(() => expect(amount()).toHaveProperty("value", "Rp16.800"));
    await userEvent.clear(amount());
    await userEvent.type(amount(), "5000");
    view.rerender(form(33_600));
    expect(amount()).toHaveProperty("value", "Rp5.000");
  });

  test("shows the API's complaint next to the field it names", async () => {
    const input = {
      donorId: "d1",
      amount: 50_400,
      paidAt: "2026-01-15T05:00:00.000Z",
      reference: "KW-001",
    };
    renderWithProviders(<PaymentForm donorId="d1" suggested={50_400} />, [
      {
        request: { query: RECORD_PAYMENT, variables: { input } },
        result: {
          errors: [
            new GraphQLError("amount must be a whole number of rupiah.", {
              extensions: {
                code: "BAD_USER_INPUT",
                fieldErrors: [
                  { field: "amount", message: "amount must be a whole number of rupiah." },
                ],
              },
            }),
          ],
        },
      },
    ]);
    fireEvent.change(screen.getByLabelText(/Tanggal bayar/), { target: { value: PAID_ON } });
    await userEvent.type(screen.getByRole("textbox", { name: /Nomor referensi/ }), "KW-001");
    await userEvent.click(screen.getByRole("button", { name: "Simpan pembayaran" }));
    const message = await screen.findByText("amount must be a whole number of rupiah.");
    await waitFor(() =>
      expect(screen.getByRole("textbox", { name: /Jumlah/ }).getAttribute("aria-invalid")).toBe(
        "true",
      ),
    );
    expect(
      screen.getByRole("textbox", { name: /Jumlah/ }).getAttribute("aria-describedby"),
    ).toContain(message.id);
  });
});
