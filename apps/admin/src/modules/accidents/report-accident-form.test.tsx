import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { renderWithProviders } from "../../test/render";
import { ReportAccidentForm } from "./report-accident-form";

describe("ReportAccidentForm", () => {
  const worker = { fullName: "Sri Rahayu", nik: "3310••••••••0001", village: "Randusari" };
  const plkk = [{ value: "p1", label: "RSUP dr. Soeradji Tirtonegoro (Klaten Tengah)" }];

  /** The form for the last day of March, with every required field but the NIK filled. */
  async function fillForm(known: typeof worker | null, onSubmit: jest.Mock) {
    renderWithProviders(
      <ReportAccidentForm
        worker={known}
        plkk={plkk}
        initialDate="2026-03-31"
        today="2026-04-02"
        onSubmit={onSubmit}
      />,
    );
    await userEvent.type(screen.getByLabelText(/Jam kecelakaan/), "07:15");
    await userEvent.type(
      screen.getByRole("textbox", { name: /Tempat kejadian/ }),
      "Sawah Randusari",
    );
    await userEvent.click(screen.getByRole("combobox", { name: /Jenis kecelakaan/ }));
    await userEvent.click(
      await screen.findByRole("option", { name: "Di tempat kerja", hidden: true }),
    );
    await userEvent.type(screen.getByRole("textbox", { name: /Nama pelapor/ }), "Bu Wati");
  }

  test("sends the worker's report with the Jakarta instant and the only PLKK chosen", async () => {
    const onSubmit = jest.fn().mockResolvedValue(undefined);
    await fillForm(worker, onSubmit);
    await userEvent.click(screen.getByRole("button", { name: "Kirim laporan" }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0][0]).toEqual({
      nik: null,
      partnerId: "p1",
      occurredAt: "2026-03-31T00:15:00.000Z",
      place: "Sawah Randusari",
      cause: "AT_WORK",
      description: null,
      reporterName: "Bu Wati",
      reporterPhone: null,
    });
  });

  test("shows the API's error on occurredAt next to the accident day", async () => {
    const onSubmit = jest.fn().mockResolvedValue({
      fieldErrors: {
        occurredAt: "occurredAt is in the future; report an accident once it has happened.",
      },
    });
    await fillForm(worker, onSubmit);
    await userEvent.click(screen.getByRole("button", { name: "Kirim laporan" }));
    expect(await screen.findByText(/is in the future/)).toBeTruthy();
    expect(screen.getByLabelText(/Tanggal kecelakaan/).getAttribute("aria-invalid")).toBe("true");
  });

  test("without a known worker a 16-digit NIK is required and nothing is sent", async () => {
    const onSubmit = jest.fn();
    await fillForm(null, onSubmit);
    await userEvent.type(screen.getByRole("textbox", { name: /NIK/ }), "331001");
    await userEvent.click(screen.getByRole("button", { name: "Kirim laporan" }));
    expect(await screen.findByText("NIK harus 16 digit angka.")).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });
});
