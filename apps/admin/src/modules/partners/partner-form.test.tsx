import type { MockedResponse } from "@apollo/client/testing";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { GraphQLError } from "graphql";
import { regionMocks, renderWithProviders } from "../../test/render";
import { ViewerContext, type Viewer } from "../auth/viewer";
import { CREATE_PARTNER } from "./graphql/create-partner.mutation";
import { UPDATE_PARTNER } from "./graphql/update-partner.mutation";
import { PartnerForm, type PartnerFormValues } from "./partner-form";

const klatenOfficer: Viewer = {
  id: "u1",
  name: "Petugas Klaten",
  email: "officer.klaten@sertakan.local",
  role: "OFFICER",
  regionScope: { code: "33.10", name: "Kabupaten Klaten", level: "REGENCY" },
};

const existing: PartnerFormValues = {
  name: "Klinik Sehat Prambanan",
  kind: "PLKK_CLINIC",
  regionCode: "33.10.01",
  address: "Jl. Raya Solo–Yogya 12",
  phone: "0272 123456",
  email: "",
  agreementNumber: "PKS/001/2026",
  agreementStart: "2026-01-01",
  agreementEnd: "2026-12-31",
  active: true,
};

function renderForm(props: Parameters<typeof PartnerForm>[0], mocks: MockedResponse[]) {
  return renderWithProviders(
    <ViewerContext.Provider value={klatenOfficer}>
      <PartnerForm {...props} />
    </ViewerContext.Provider>,
    [...regionMocks, ...mocks],
  );
}

const textbox = (name: RegExp) => screen.getByRole("textbox", { name });

describe("PartnerForm", () => {
  test("registers a partner in the officer's regency and reports its id", async () => {
    const input = {
      name: "Puskesmas Jogonalan",
      kind: "PLKK_PUSKESMAS",
      regionCode: "33.10",
      address: null,
      phone: null,
      email: null,
      agreementNumber: "PKS/014/2026",
      agreementStart: "2026-02-01",
      agreementEnd: null,
      active: true,
    };
    const created = jest.fn(() => ({
      data: { createPartner: { __typename: "Partner", id: "p-new", name: input.name } },
    }));
    const onSaved = jest.fn();
    renderForm({ onSaved }, [
      { request: { query: CREATE_PARTNER, variables: { input } }, result: created },
    ]);
    await userEvent.type(textbox(/^Nama/), "Puskesmas Jogonalan");
    await userEvent.click(screen.getByRole("combobox", { name: /Jenis mitra/ }));
    await userEvent.click(
      await screen.findByRole("option", { name: "PLKK puskesmas", hidden: true }),
    );
    await userEvent.type(textbox(/Nomor perjanjian/), "PKS/014/2026");
    await userEvent.type(screen.getByLabelText("Mulai berlaku"), "2026-02-01");
    await userEvent.click(screen.getByRole("button", { name: "Simpan" }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith("p-new"));
    expect(created).toHaveBeenCalledTimes(1);
  });

  test("edits a partner: starts from its details and replaces them all", async () => {
    const input = {
      ...existing,
      name: "Klinik Sehat Prambanan Baru",
      email: null,
      active: false,
    };
    const updated = jest.fn(() => ({
      data: {
        updatePartner: {
          __typename: "Partner",
          id: "p1",
          ...input,
          region: { __typename: "Region", code: "33.10.01", name: "Prambanan" },
          regionCode: undefined,
        },
      },
    }));
    const onSaved = jest.fn();
    renderForm({ partner: { id: "p1", values: existing }, onSaved }, [
      { request: { query: UPDATE_PARTNER, variables: { id: "p1", input } }, result: updated },
    ]);
    expect(textbox(/Alamat/)).toHaveProperty("value", "Jl. Raya Solo–Yogya 12");
    await userEvent.clear(textbox(/^Nama/));
    await userEvent.type(textbox(/^Nama/), "Klinik Sehat Prambanan Baru");
    await userEvent.click(screen.getByRole("switch", { name: /Aktif/ }));
    await userEvent.click(screen.getByRole("button", { name: "Simpan" }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith("p1"));
    expect(updated).toHaveBeenCalledTimes(1);
  });

  test("shows the API's complaint about a field next to that field", async () => {
    const message = "phone must be a telephone number such as 081234567890 or +62 812 3456 7890.";
    const input = { ...existing, phone: "12", email: null };
    const onSaved = jest.fn();
    renderForm({ partner: { id: "p1", values: { ...existing, phone: "12" } }, onSaved }, [
      {
        request: { query: UPDATE_PARTNER, variables: { id: "p1", input } },
        result: {
          errors: [
            new GraphQLError(message, {
              extensions: {
                code: "BAD_USER_INPUT",
                fieldErrors: [{ field: "input.phone", message }],
              },
            }),
          ],
        },
      },
    ]);
    await userEvent.click(screen.getByRole("button", { name: "Simpan" }));
    const shown = await screen.findByText(message);
    const phone = textbox(/Telepon/);
    await waitFor(() => expect(phone.getAttribute("aria-invalid")).toBe("true"));
    expect(phone.getAttribute("aria-describedby")).toContain(shown.id);
    expect(onSaved).not.toHaveBeenCalled();
  });

  test("refuses an agreement that ends before it starts, before asking the API", async () => {
    const onSaved = jest.fn();
    renderForm(
      { partner: { id: "p1", values: { ...existing, agreementEnd: "2025-12-31" } }, onSaved },
      [],
    );
    await userEvent.click(screen.getByRole("button", { name: "Simpan" }));
    expect(
      await screen.findByText("Tanggal berakhir tidak boleh sebelum tanggal mulai."),
    ).toBeTruthy();
    expect(onSaved).not.toHaveBeenCalled();
  });
});
