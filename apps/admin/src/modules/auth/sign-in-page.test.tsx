import { MantineProvider } from "@mantine/core";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { theme } from "../../theme";
import type { Viewer } from "./session";
import { SignInPage } from "./sign-in-page";

const officer: Viewer = {
  id: "u1",
  name: "Petugas Klaten",
  email: "officer.klaten@sertakan.local",
  role: "OFFICER",
  regionScope: { code: "33.10", name: "Kabupaten Klaten", level: "REGENCY" },
};

/** The API as the sign-in page meets it: one answer per POST /graphql, the requests kept. */
function answering(...answers: { status?: number; body: unknown }[]) {
  const requests: { query: string; variables?: Record<string, string> }[] = [];
  globalThis.fetch = jest.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
    requests.push(JSON.parse(String(init?.body)));
    const answer = answers.shift();
    if (!answer) throw new TypeError("Failed to fetch");
    // jsdom has no Response; the page reads only these two.
    return { status: answer.status ?? 200, json: async () => answer.body } as Response;
  }) as typeof fetch;
  return requests;
}

function renderPage() {
  const onSignedIn = jest.fn();
  const onStartTyping = jest.fn();
  render(
    <MantineProvider theme={theme}>
      <SignInPage onSignedIn={onSignedIn} onStartTyping={onStartTyping} />
    </MantineProvider>,
  );
  return { onSignedIn, onStartTyping };
}

beforeEach(() => localStorage.clear());

test("signs in with the typed e-mail and password, and hands over the user", async () => {
  const requests = answering({ body: { data: { login: { user: officer } } } });
  const { onSignedIn, onStartTyping } = renderPage();
  await userEvent.type(screen.getByLabelText(/^Email/), "officer.klaten@sertakan.local");
  await userEvent.type(screen.getByLabelText(/^Kata sandi/), "sertakan-demo");
  await userEvent.click(screen.getByRole("button", { name: "Masuk" }));
  await waitFor(() => expect(onSignedIn).toHaveBeenCalledWith(officer));
  expect(onStartTyping).toHaveBeenCalled();
  expect(requests).toHaveLength(1);
  expect(requests[0].variables).toEqual({
    email: "officer.klaten@sertakan.local",
    password: "sertakan-demo",
  });
});

test("checks the form before asking the API", async () => {
  const requests = answering();
  const { onSignedIn } = renderPage();
  await userEvent.type(screen.getByLabelText(/^Email/), "bukan-email");
  await userEvent.click(screen.getByRole("button", { name: "Masuk" }));
  await screen.findByText("Masukkan alamat email yang benar.");
  screen.getByText("Masukkan kata sandi.");
  expect(requests).toHaveLength(0);
  expect(onSignedIn).not.toHaveBeenCalled();
});

test("says why a sign-in failed: wrong password, too many attempts, no network", async () => {
  answering(
    { body: { errors: [{ message: "x", extensions: { code: "UNAUTHENTICATED" } }] } },
    { body: { errors: [{ message: "x", extensions: { code: "TOO_MANY_ATTEMPTS" } }] } },
  );
  const { onSignedIn } = renderPage();
  await userEvent.type(screen.getByLabelText(/^Email/), "officer.klaten@sertakan.local");
  await userEvent.type(screen.getByLabelText(/^Kata sandi/), "salah");
  const submit = screen.getByRole("button", { name: "Masuk" });
  await userEvent.click(submit);
  expect((await screen.findByRole("alert")).textContent).toBe("Email atau kata sandi salah.");
  await userEvent.click(submit);
  await waitFor(() =>
    expect(screen.getByRole("alert").textContent).toMatch(/^Terlalu banyak percobaan masuk/),
  );
  await userEvent.click(submit);
  await waitFor(() =>
    expect(screen.getByRole("alert").textContent).toMatch(/^Tidak dapat menghubungi server/),
  );
  expect(onSignedIn).not.toHaveBeenCalled();
});

test("speaks English when asked, and remembers it for the signed-in app", async () => {
  answering();
  renderPage();
  await userEvent.click(screen.getByText("English"));
  await screen.findByRole("button", { name: "Sign in" });
  screen.getByLabelText(/^Password/);
  expect(localStorage.getItem("sertakan.language")).toBe("en");
  expect(document.documentElement.lang).toBe("en");
});
