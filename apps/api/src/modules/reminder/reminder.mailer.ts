import nodemailer from "nodemailer";
import type { Transporter } from "nodemailer";

export type MailConfig = { smtpUrl: string; from: string };
export type Mail = { to: string; subject: string; text: string };

/** Sends one mail; throws with the server's reply when it refuses. */
export type Mailer = { send: (mail: Mail) => Promise<void>; close: () => void };

// A mail server that hangs must not hold a reminder's row lock for nodemailer's default
// two minutes.
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

/** nodemailer over SMTP_URL (smtp:// or smtps://, user and password in the URL). */
export function smtpMailer(config: MailConfig): Mailer {
  let transport: Transporter | null = null;
  return {
    send: async (mail) => {
      transport ??= nodemailer.createTransport({ url: config.smtpUrl, ...TIMEOUTS } as never);
      await transport.sendMail({ from: config.from, ...mail });
    },
    close: () => {
      transport?.close();
      transport = null;
    },
  };
}

/** What the server said, short enough for lastError. */
export function mailErrorOf(error: unknown): string {
  const e = error as { response?: string; responseCode?: number; message?: string };
  return String(e?.response ?? e?.message ?? error);
}
