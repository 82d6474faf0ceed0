import type { Page } from "playwright-core";
import { haveChromium, openSession, signIn, type E2eSession } from "./browser";
import { settled } from "./settled";

const describeE2e = haveChromium ? describe : describe.skip;

const PHONE = { width: 390, height: 844 };
const DESK = { width: 1280, height: 900 };

/** How a page fits its window: what sticks out to the right, and form fields side by side. */
type Fit = { scrollWidth: number; innerWidth: number; outside: string[]; sideBySide: string[] };

/** Runs in the page. */
function fitInPage(): Fit {
  const innerWidth = window.innerWidth;
  const label = (el: Element) =>
    `${el.tagName.toLowerCase()}.${[...el.classList].slice(0, 2).join(".")} "${(el.textContent ?? "").trim().slice(0, 40)}"`;
  const scrollsInside = (el: Element) => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const overflow = getComputedStyle(p).overflowX;
      if (
        (overflow === "auto" || overflow === "scroll") &&
        p.getBoundingClientRect().right <= innerWidth + 1
      )
        return true;
    }
    return false;
  };
  // The page's scroll width misses a fixed header's overflow, and clipped content scrolls
  // nowhere: anything past the right edge must be inside a box that scrolls on its own.
  const outside: string[] = [];
  for (const el of document.querySelectorAll("body *")) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.right <= innerWidth + 1) continue;
    // The closed drawer waits off screen on the left; its width is the window's.
    if (el.closest(".mantine-AppShell-navbar") || scrollsInside(el)) continue;
    outside.push(`${label(el)} ends at ${Math.round(box.right)}px`);
  }
  // Form fields (and filter bars) stack in one column on a phone.
  const fields = [...document.querySelectorAll("main .mantine-InputWrapper-root")]
    .map((el) => ({ el, box: el.getBoundingClientRect() }))
    .filter(({ box }) => box.width > 0);
  const sideBySide: string[] = [];
  fields.forEach((a, i) =>
    fields.slice(i + 1).forEach((b) => {
      if (a.box.top < b.box.bottom - 1 && b.box.top < a.box.bottom - 1)
        sideBySide.push(`${label(a.el)} beside ${label(b.el)}`);
    }),
  );
  return {
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth,
    outside: outside.slice(0, 10),
    sideBySide,
  };
}

async function measureFit(page: Page): Promise<Fit> {
  // A chart re-measures its box a frame or more after the window changes size: check frame
  // by frame until the layout fits (or 5 s have gone), then report whatever still sticks out.
  // Polled from here, not with a string for waitForFunction: the page evaluates that with
  // eval, which the app's CSP refuses (a console error, whenever the first check missed).
  const deadline = Date.now() + 5_000;
  let fit = await page.evaluate(fitInPage);
  while ((fit.outside.length > 0 || fit.scrollWidth > fit.innerWidth) && Date.now() < deadline) {
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    fit = await page.evaluate(fitInPage);
  }
  return fit;
}

// Every screen at 390 px (a common phone) and at a desk's 1280 px, once its data is there:
// no horizontal page scroll, tables scroll inside their box, forms in one column on the phone.
describeE2e("the admin app on a phone (390 px) and a desk (1280 px)", () => {
  let session: E2eSession;
  let page: Page;
  let origin = "";
  // Detail pages of the first row of each list, read off the list as it is visited.
  const firstRow: Record<string, string> = {};

  const heading = (name: string | RegExp) =>
    page.getByRole("heading", { level: 1, name }).waitFor();

  async function rememberFirstRow(list: string) {
    const link = page.locator(`main tbody tr a[href^="/${list}/"]`).first();
    await link.waitFor();
    firstRow[list] = (await link.getAttribute("href")) ?? "";
  }

  async function expectFits(name: string, width: number) {
    await settled(page);
    const fit = await measureFit(page);
    expect({ name, width, outside: fit.outside }).toEqual({ name, width, outside: [] });
    expect(fit.scrollWidth).toBeLessThanOrEqual(fit.innerWidth);
    if (width === PHONE.width) {
      expect({ name, sideBySide: fit.sideBySide }).toEqual({ name, sideBySide: [] });
    }
    await session.shot(`screenshots/${name}-${width}`);
  }

  type Screen = { name: string; path: () => string; ready: () => Promise<unknown> };
  const detail = (list: string) => () => {
    expect(firstRow[list]).toMatch(new RegExp(`^/${list}/`));
    return firstRow[list];
  };

  const screens: Screen[] = [
    {
      name: "dashboard",
      path: () => "/",
      ready: async () => {
        await heading("Dasbor cakupan");
        await page.getByTestId("kpi-active").waitFor();
        await page.getByRole("heading", { name: "24 bulan terakhir" }).waitFor();
      },
    },
    { name: "counter", path: () => "/counter", ready: () => heading("Loket PLKK") },
    {
      name: "workers",
      path: () => "/workers",
      ready: async () => {
        await heading("Pekerja");
        await rememberFirstRow("workers");
      },
    },
    {
      name: "worker-detail",
      path: detail("workers"),
      ready: () => page.getByRole("heading", { name: "Cakupan per bulan" }).waitFor(),
    },
    {
      name: "worker-form",
      path: () => "/workers/new",
      ready: async () => {
        await heading("Daftarkan pekerja");
        await page.getByRole("combobox", { name: "Provinsi" }).waitFor();
      },
    },
    {
      name: "workers-import",
      path: () => "/workers/import",
      ready: () => heading("Impor pekerja dari CSV"),
    },
    {
      name: "donors",
      path: () => "/donors",
      ready: async () => {
        await heading("Donatur");
        await rememberFirstRow("donors");
      },
    },
    {
      name: "donor-detail",
      path: detail("donors"),
      ready: async () => {
        await page.getByRole("heading", { name: "Catat pembayaran" }).waitFor();
        await page.getByRole("heading", { name: /^Penanggungan \(\d+\)$/ }).waitFor();
      },
    },
    {
      name: "sponsor",
      path: () => detail("donors")() + "/sponsor",
      ready: async () => {
        await page.getByRole("heading", { name: "Pilih pekerja" }).waitFor();
        await page
          .getByRole("checkbox", { name: /^Pilih (?!semua)/ })
          .first()
          .waitFor();
      },
    },
    { name: "donor-form", path: () => "/donors/new", ready: () => heading("Tambah donatur") },
    {
      name: "partners",
      path: () => "/partners",
      ready: async () => {
        await heading("Mitra");
        await rememberFirstRow("partners");
      },
    },
    {
      name: "partner-detail",
      path: detail("partners"),
      ready: () => page.getByRole("heading", { name: /^Pekerja yang direkrut/ }).waitFor(),
    },
    { name: "partner-form", path: () => "/partners/new", ready: () => heading("Tambah mitra") },
    { name: "targets", path: () => "/targets", ready: () => heading("Target regional") },
    {
      name: "accidents",
      path: () => "/accidents",
      ready: async () => {
        await heading("Kecelakaan kerja");
        await rememberFirstRow("accidents");
      },
    },
    {
      name: "accident-detail",
      path: detail("accidents"),
      ready: () => page.getByRole("heading", { level: 1 }).waitFor(),
    },
    {
      name: "accident-report",
      path: () => "/accidents/new",
      ready: () => heading("Laporkan kecelakaan kerja"),
    },
    { name: "agent-fees", path: () => "/agent-fees", ready: () => heading(/^Fee agen Perisai/) },
    { name: "reminders", path: () => "/reminders", ready: () => heading("Pengingat donatur") },
    { name: "renewals", path: () => "/sponsorships/ending", ready: () => heading("Akan berakhir") },
    {
      name: "payments-import",
      path: () => "/payments/import",
      ready: () => heading("Impor mutasi bank"),
    },
    { name: "audit", path: () => "/audit", ready: () => heading("Log audit") },
    { name: "users", path: () => "/users", ready: () => heading("Pengguna") },
    { name: "api-keys", path: () => "/api-keys", ready: () => heading("Kunci API") },
  ];

  beforeAll(async () => {
    session = await openSession();
    page = session.page;
    origin = session.api.origin;
  }, 180_000);

  afterAll(() => session?.close(), 60_000);

  // A console error is a bug even when the page looks right; each test reports its own.
  afterEach(() => expect(session.consoleErrors.splice(0)).toEqual([]));

  test("the sign-in page", async () => {
    await page.setViewportSize(PHONE);
    await page.goto(origin + "/");
    await page.getByRole("button", { name: "Masuk" }).waitFor();
    await expectFits("sign-in", PHONE.width);
    await page.setViewportSize(DESK);
    await expectFits("sign-in", DESK.width);
  }, 60_000);

  test("on a phone the navigation is a drawer behind the menu button", async () => {
    await page.setViewportSize(PHONE);
    await signIn(page, origin, "admin@sertakan.local");
    const menu = (expanded: boolean) =>
      page.getByRole("button", { name: "Buka atau tutup menu", expanded }).waitFor();
    const drawer = page.locator("nav#navigation");
    await menu(false);
    // Closed, the drawer waits off screen, out of Tab's and a screen reader's reach.
    expect(await drawer.evaluate((el) => (el as HTMLElement).inert)).toBe(true);
    await page.getByRole("button", { name: "Buka atau tutup menu" }).click();
    await menu(true);
    expect(await drawer.evaluate((el) => (el as HTMLElement).inert)).toBe(false);
    await session.shot("screenshots/drawer-390");
    await page
      .getByRole("navigation", { name: "Navigasi utama" })
      .getByRole("link", { name: "Pekerja", exact: true })
      .click();
    await heading("Pekerja");
    // Choosing a page closes the drawer.
    await menu(false);
    expect(await drawer.evaluate((el) => (el as HTMLElement).inert)).toBe(true);
  }, 60_000);

  test.each(screens.map((s) => [s.name, s] as const))(
    "%s fits a phone and a desk",
    async (_name, screen) => {
      await page.setViewportSize(PHONE);
      await page.goto(origin + screen.path());
      await screen.ready();
      await expectFits(screen.name, PHONE.width);
      await page.setViewportSize(DESK);
      await expectFits(screen.name, DESK.width);
    },
    60_000,
  );
});
