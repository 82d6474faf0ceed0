import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { renderWithProviders } from "../../test/render";
import { WorkerForm } from "./worker-form";

const nikInput = () => screen.getByRole("textbox", { name: /NIK/ });

describe("WorkerForm", () => {
  test("flags a bad NIK at the field as it is typed", async () => {
    const onSubmit = jest.fn();
    renderWithProviders(<WorkerForm mode="register" onSubmit={onSubmit} />);
    await userEvent.type(nikInput(), "3310014507900000");
    expect(await screen.findByText("Empat digit terakhir NIK tidak boleh 0000.")).toBeTruthy();
    expect(nikInput().getAttribute("aria-invalid")).toBe("true");
  });

  test("shows how far along an unfinished NIK is, without calling it wrong", async () => {
    renderWithProviders(<WorkerForm mode="register" onSubmit={jest.fn()} />);
    await userEvent.type(nikInput(), "331001");
    expect(screen.getByText("6 dari 16 digit")).toBeTruthy();
    expect(nikInput().getAttribute("aria-invalid")).not.toBe("true");
  });

  test("derives gender and birth date from a good NIK and names its district", async () => {
    renderWithProviders(<WorkerForm mode="register" onSubmit={jest.fn()} />);
    await userEvent.type(nikInput(), "3310014507900001");
    expect(
      await screen.findByText("Perempuan, lahir 5 Juli 1990, NIK terbit di Kecamatan Prambanan"),
    ).toBeTruthy();
  });

  test("sends what the NIK says and shows the API's field error next to the NIK", async () => {
    const onSubmit = jest.fn().mockResolvedValue({
      fieldErrors: { nik: "Pekerja dengan NIK ini sudah terdaftar." },
    });
    renderWithProviders(
      <WorkerForm
        mode="register"
        onSubmit={onSubmit}
        initialValues={{
          nik: "3310014507900001",
          fullName: "Sri Rahayu",
          occupation: "FARMER",
          phone: "",
          membershipNumber: "",
          villageCode: "33.10.01.2001",
        }}
      />,
    );
    await userEvent.click(screen.getByRole("button", { name: "Daftarkan" }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0][0]).toMatchObject({
      nik: "3310014507900001",
      gender: "FEMALE",
      birthDate: "1990-07-05",
      villageCode: "33.10.01.2001",
      occupation: "FARMER",
    });
    expect(await screen.findByText("Pekerja dengan NIK ini sudah terdaftar.")).toBeTruthy();
    expect(nikInput().getAttribute("aria-invalid")).toBe("true");
  });

  test("refuses to submit without a village, saying so at the cascade", async () => {
    const onSubmit = jest.fn();
    renderWithProviders(
      <WorkerForm
        mode="register"
        onSubmit={onSubmit}
        initialValues={{
          nik: "3310014507900001",
          fullName: "Sri Rahayu",
          occupation: "FARMER",
          phone: "",
          membershipNumber: "",
          villageCode: "33.10.01",
        }}
      />,
    );
    await userEvent.click(screen.getByRole("button", { name: "Daftarkan" }));
    expect(await screen.findByText("Pilih desa/kelurahan domisili.")).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });
});
