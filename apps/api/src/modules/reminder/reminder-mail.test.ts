import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { registerWorkers } from "../../test/fixtures";
import { TestServer, startTestServer } from "../../test/test-server";

// Delivery through a real SMTP server in this process (smtp-server), never a mocked
// transport: the assertions read the message the server received.
let clock = new Date("2026-10-15T03:00:00Z");
let t: TestServer;
let noMail: TestServer;
let smtp: SMTPServer;
const received: { from: string; to: string[]; raw: string }[] = [];
const ids: Record<string, string> = {};
const niks: string[] = [];
const REFUSED = "tolak@example.test";

/** The text of a quoted-printable body, as a mail client shows it. */
function decodeBody(raw: string): string {
  const [head, ...rest] = raw.split("\r\n\r\n");
  const body = rest.join("\r\n\r\n");
  if (!/quoted-printable/i.test(head)) return body;
  const bytes = body
    .replace(/=\r\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  return Buffer.from(bytes, "latin1").toString("utf8");
}
const subjectOf = (raw: string) => /^Subject: (.*)$/m.exec(raw)?.[1];
const reminderRows = async () =>
  (await t.server.dataSource.query(
    `SELECT d.name, r.kind, r.status, r.attempts, r.last_error, r.sent_at, r.next_attempt_at
       FROM donor_reminder r JOIN donor d ON d.id = r.donor_id ORDER BY d.name, r.kind`,
  )) as {
    name: string;
    kind: string;
    status: string;
    attempts: number;
    last_error: string | null;
    sent_at: Date | null;
    next_attempt_at: Date | null;
  }[];

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address === REFUSED) {
        const error = new Error("Mailbox unavailable") as Error & { responseCode: number };
        error.responseCode = 550;
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const port = (smtp.server.address() as AddressInfo).port;
  t = await startTestServer(
    {
      SMTP_URL: `smtp://127.0.0.1:${port}`,
      MAIL_FROM: "Sertakan Klaten <pengingat@sertakan.test>",
    },
    { now: () => clock },
  );
  noMail = await startTestServer({}, { now: () => clock, shareDatabaseWith: t });
  for (const [key, email] of [
    ["Ana", "ana@example.test"],
    ["Bayu", null],
    ["Citra", REFUSED],
  ] as const) {
    const res = await t.gql(`mutation($i: DonorInput!) { createDonor(input: $i) { id } }`, {
      i: { kind: "INDIVIDUAL", name: key, regionCode: "33.10", phone: "081234567890", email },
    });
    ids[key] = res.data!.createDonor.id;
  }
  const workers = await registerWorkers(t, 4, { namePrefix: "Pekerja" });
  const rows: { id: string; nik: string }[] = await t.server.dataSource.query(
    `SELECT id, nik FROM worker`,
  );
  niks.push(...workers.map((w) => rows.find((r) => r.id === w)!.nik));
  const sponsor = async (donor: string, worker: string, pkg: string, months: number) => {
    const res = await t.gql(
      `mutation($i: SponsorWorkersInput!) { sponsorWorkers(input: $i) { id } }`,
      {
        i: {
          donorId: ids[donor],
          workerIds: [worker],
          package: pkg,
          startMonth: "2026-10",
          months,
        },
      },
    );
    expect(res.errors).toBeUndefined();
  };
  // Ana: two workers October–January, October paid plus Rp3,200 of credit.
  await sponsor("Ana", workers[0], "JKK_JKM", 4);
  await sponsor("Ana", workers[1], "JKK_JKM_JHT", 4);
  const pay = await t.gql(`mutation($i: RecordPaymentInput!) { recordPayment(input: $i) { id } }`, {
    i: { donorId: ids.Ana, amount: 56_800, reference: "BCA-1", paidAt: clock.toISOString() },
  });
  expect(pay.errors).toBeUndefined();
  await sponsor("Bayu", workers[2], "JKK_JKM", 4);
  await sponsor("Citra", workers[3], "JKK_JKM", 4);
  clock = new Date("2026-11-02T00:00:00Z"); // 07:00 WIB, 2 November
  expect(await t.server.services.reminder.createDue()).toBe(3);
}, 60_000);
afterAll(async () => {
  await noMail?.close();
  await t?.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

describe("delivery", () => {
  it("without SMTP_URL nothing is sent: every reminder stays PENDING for a call", async () => {
    expect(await noMail.server.services.reminder.deliverDue()).toEqual({
      sent: 0,
      retrying: 0,
      failed: 0,
    });
    expect(received).toEqual([]);
    expect((await reminderRows()).map((r) => r.status)).toEqual(["PENDING", "PENDING", "PENDING"]);
  });

  it("sends the Indonesian mail with masked NIKs, months and the amount after credit", async () => {
    const result = await t.server.services.reminder.deliverDue();
    expect(result).toEqual({ sent: 1, retrying: 1, failed: 0 });
    expect(received).toHaveLength(1);
    const [mail] = received;
    expect(mail.from).toBe("pengingat@sertakan.test");
    expect(mail.to).toEqual(["ana@example.test"]);
    expect(subjectOf(mail.raw)).toBe("Iuran BPJS Ketenagakerjaan jatuh tempo: Rp50.400");
    const body = decodeBody(mail.raw);
    expect(body).toContain("Yth. Ana,");
    expect(body).toContain(
      "Sampai November 2026 masih ada iuran yang belum dibayar sebesar Rp50.400 (setelah dikurangi saldo Anda):",
    );
    const masked = (nik: string) => `${nik.slice(0, 4)}********${nik.slice(-4)}`;
    expect(body).toContain(`- Pekerja 0001 (NIK ${masked(niks[0])}): November 2026, Rp16.800`);
    expect(body).toContain(`- Pekerja 0002 (NIK ${masked(niks[1])}): November 2026, Rp36.800`);
    for (const nik of niks) expect(mail.raw).not.toContain(nik);
    const ana = (await reminderRows()).find((r) => r.name === "Ana")!;
    expect(ana).toMatchObject({ status: "SENT", attempts: 0, last_error: null });
    expect(ana.sent_at).toEqual(clock);
  });

  it("keeps a donor without e-mail PENDING, on the admin's call list with the phone", async () => {
    const res = await t.gql(
      `{ donorReminders(filter: { status: [PENDING] }) { nodes { status donor { name phone email } } } }`,
    );
    const bayu = res.data!.donorReminders.nodes.find(
      (r: { donor: { name: string } }) => r.donor.name === "Bayu",
    );
    expect(bayu).toEqual({
      status: "PENDING",
      donor: { name: "Bayu", phone: "081234567890", email: null },
    });
  });

  it("retries a refused mail with backoff, then FAILED with the server's reason", async () => {
    const citra = async () => (await reminderRows()).find((r) => r.name === "Citra")!;
    const first = await citra();
    expect(first).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(first.last_error).toMatch(/550/);
    expect(first.next_attempt_at).toEqual(new Date(clock.getTime() + 5 * 60_000));
    // Not due yet: the next pass leaves it alone.
    expect(await t.server.services.reminder.deliverDue()).toEqual({
      sent: 0,
      retrying: 0,
      failed: 0,
    });
    // 15, 60 and 240 minutes after the 2nd, 3rd and 4th failures; the 5th gives up.
    for (const [wait, attempts] of [
      [5, 2],
      [15, 3],
      [60, 4],
    ] as const) {
      clock = new Date(clock.getTime() + wait * 60_000);
      expect((await t.server.services.reminder.deliverDue()).retrying).toBe(1);
      expect((await citra()).attempts).toBe(attempts);
    }
    clock = new Date(clock.getTime() + 240 * 60_000);
    expect(await t.server.services.reminder.deliverDue()).toEqual({
      sent: 0,
      retrying: 0,
      failed: 1,
    });
    const res = await t.gql(
      `{ donorReminders(filter: { status: [FAILED] }) { nodes { donor { name } attempts lastError sentAt } } }`,
    );
    expect(res.data!.donorReminders.nodes).toHaveLength(1);
    const failed = res.data!.donorReminders.nodes[0];
    expect(failed).toMatchObject({ donor: { name: "Citra" }, attempts: 5, sentAt: null });
    expect(failed.lastError).toMatch(/550/);
    // Only Ana's mail ever arrived.
    expect(received).toHaveLength(1);
  });
});
