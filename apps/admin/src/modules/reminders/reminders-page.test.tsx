import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter } from "react-router";
import { renderWithProviders } from "../../test/render";
import { ViewerContext, type Viewer } from "../auth/viewer";
import { DonorReminders } from "./donor-reminders";
import { DONOR_REMINDERS } from "./graphql/donor-reminders.query";
import { RUN_REMINDERS } from "./graphql/run-reminders.mutation";
import {
  readReminderListState,
  toReminderFilter,
  writeReminderListState,
} from "./reminder-filters";
import { RemindersPage } from "./reminders-page";

const viewer = (role: Viewer["role"]): Viewer => ({
  id: "u1",
  name: "Petugas Klaten",
  email: "officer.klaten@sertakan.local",
  role,
  regionScope: { code: "33.10", name: "Kabupaten Klaten", level: "REGENCY" },
});

const reminder = (over: Record<string, unknown>) => ({
  __typename: "DonorReminder",
  id: "r1",
  kind: "PAYMENT_DUE",
  month: "2026-12",
  amount: 50_400,
  status: "PENDING",
  attempts: 0,
  sentAt: null,
  lastError: null,
  createdAt: "2026-12-01T00:00:00.000Z",
  donor: { __typename: "Donor", id: "d1", name: "CV Maju Jaya", phone: "0272-321101", email: null },
  sponsorships: [
    { __typename: "Sponsorship", id: "s1", endMonth: "2027-01" },
    { __typename: "Sponsorship", id: "s2", endMonth: "2027-01" },
  ],
  ...over,
});
const page = (nodes: unknown[]) => ({
  data: {
    donorReminders: {
      __typename: "DonorReminderConnection",
      totalCount: nodes.length,
      pageInfo: { __typename: "PageInfo", endCursor: null, hasNextPage: false },
      nodes,
    },
  },
});

const pending = reminder({});
const sent = reminder({
  id: "r2",
  kind: "COVER_ENDING",
  amount: 36_800,
  status: "SENT",
  sentAt: "2026-12-01T00:03:00.000Z",
  donor: {
    __typename: "Donor",
    id: "d2",
    name: "Ibu Ratna",
    phone: null,
    email: "ratna@example.test",
  },
  sponsorships: [{ __typename: "Sponsorship", id: "s3", endMonth: "2026-12" }],
});

describe("RemindersPage", () => {
  // mantine-datatable shows a cell while matchMedia("") matches, as an empty query does in
  // a browser; the shared stub answers false to every query, which would blank the cells.
  const stubbed = window.matchMedia;
  beforeAll(() => {
    window.matchMedia = (query: string) => ({ ...stubbed(query), matches: query.trim() === "" });
  });
  afterAll(() => {
    window.matchMedia = stubbed;
  });

  test("lists the donors to call with their phone, and every reminder filtered from the URL", async () => {
    renderWithProviders(
      <ViewerContext.Provider value={viewer("OFFICER")}>
        <MemoryRouter initialEntries={["/reminders?month=2026-12&kind=PAYMENT_DUE,COVER_ENDING"]}>
          <RemindersPage />
        </MemoryRouter>
      </ViewerContext.Provider>,
      [
        {
          request: {
            query: DONOR_REMINDERS,
            variables: {
              first: 25,
              after: null,
              filter: { kind: ["PAYMENT_DUE", "COVER_ENDING"], month: "2026-12" },
            },
          },
          result: page([pending, sent]),
        },
        {
          request: {
            query: DONOR_REMINDERS,
            variables: {
              first: 50,
              filter: {
                kind: ["PAYMENT_DUE", "COVER_ENDING"],
                month: "2026-12",
                status: ["PENDING"],
              },
            },
          },
          result: page([pending]),
        },
      ],
    );
    const calls = await screen.findByTestId("reminder-calls");
    expect(within(calls).getByText("Hubungi donatur")).toBeTruthy();
    expect(await within(calls).findByRole("link", { name: "CV Maju Jaya" })).toBeTruthy();
    expect(within(calls).getByRole("link", { name: "0272-321101" }).getAttribute("href")).toBe(
      "tel:0272321101",
    );
    expect(within(calls).getByText("Rp50.400 belum dibayar")).toBeTruthy();
    expect(within(calls).getByText("2 penanggungan dengan iuran belum dibayar")).toBeTruthy();
    expect(within(calls).queryByText("Ibu Ratna")).toBeNull();
    expect(await screen.findByText("2 pengingat")).toBeTruthy();
    const row = (await screen.findByText("Rp36.800 per bulan")).closest("tr")!;
    expect(within(row).getByText("Ibu Ratna")).toBeTruthy();
    expect(within(row).getByText("Terkirim")).toBeTruthy();
    expect(within(row).getByText("Desember 2026")).toBeTruthy();
    // Only an ADMIN may run the job by hand.
    expect(screen.queryByRole("button", { name: "Buat pengingat sekarang" })).toBeNull();
  });

  test("an ADMIN runs the job by hand and sees how many were new", async () => {
    const empty = page([]);
    renderWithProviders(
      <ViewerContext.Provider value={viewer("ADMIN")}>
        <MemoryRouter initialEntries={["/reminders"]}>
          <RemindersPage />
        </MemoryRouter>
      </ViewerContext.Provider>,
      [
        {
          request: { query: DONOR_REMINDERS, variables: { first: 25, after: null, filter: {} } },
          result: empty,
          maxUsageCount: 2,
        },
        {
          request: {
            query: DONOR_REMINDERS,
            variables: { first: 50, filter: { status: ["PENDING"] } },
          },
          result: empty,
          maxUsageCount: 2,
        },
        { request: { query: RUN_REMINDERS }, result: { data: { runReminders: 3 } } },
      ],
    );
    expect(await screen.findByText("Tidak ada donatur yang perlu ditelepon.")).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "Buat pengingat sekarang" }));
    expect(await screen.findByText("3 pengingat baru dibuat.")).toBeTruthy();
  });
});

describe("DonorReminders", () => {
  test("shows the donor's reminders with their status and the reason a mail failed", async () => {
    const failed = reminder({
      id: "r3",
      status: "FAILED",
      attempts: 5,
      lastError: "550 mailbox unavailable",
    });
    renderWithProviders(
      <MemoryRouter>
        <DonorReminders donorId="d1" />
      </MemoryRouter>,
      [
        {
          request: { query: DONOR_REMINDERS, variables: { first: 12, filter: { donorId: "d1" } } },
          result: page([failed]),
        },
      ],
    );
    const section = await screen.findByTestId("donor-reminders");
    expect(await within(section).findByText("Gagal")).toBeTruthy();
    expect(within(section).getByText("550 mailbox unavailable")).toBeTruthy();
    expect(within(section).getByText("Desember 2026")).toBeTruthy();
  });
});

describe("reminder filters in the URL", () => {
  test("round-trip kinds, statuses and month; unknown values are dropped", () => {
    const state = readReminderListState(
      new URLSearchParams("kind=COVER_ENDING,NOPE&status=FAILED&month=2026-13"),
    );
    expect(state).toEqual({
      kinds: ["COVER_ENDING"],
      statuses: ["FAILED"],
      month: "",
      after: null,
      page: 1,
    });
    expect(toReminderFilter({ ...state, month: "2026-12" })).toEqual({
      kind: ["COVER_ENDING"],
      status: ["FAILED"],
      month: "2026-12",
    });
    expect(writeReminderListState({ ...state, month: "2026-12" }).toString()).toBe(
      "kind=COVER_ENDING&status=FAILED&month=2026-12",
    );
  });
});
