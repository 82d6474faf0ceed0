import { ConfigError, loadConfig } from "../../config";

// SMTP_URL, MAIL_FROM and REMINDERS_SCHEDULE, read once in config.ts.
describe("reminder configuration", () => {
  it.each([
    [{ NODE_ENV: "production" }, true],
    [{}, true], // development
    [{ NODE_ENV: "test" }, false],
    [{ NODE_ENV: "production", REMINDERS_SCHEDULE: "off" }, false],
    [{ NODE_ENV: "test", REMINDERS_SCHEDULE: "on" }, true],
    [{ NODE_ENV: "production", REMINDERS_SCHEDULE: "false" }, false],
  ])("%j runs the schedule: %s", (env, on) => {
    expect(loadConfig(env).remindersSchedule).toBe(on);
  });

  it("has no mail without SMTP_URL, and a default sender with it", () => {
    expect(loadConfig({}).mail).toBeNull();
    expect(loadConfig({ SMTP_URL: "smtp://mail.example.test:587" }).mail).toEqual({
      smtpUrl: "smtp://mail.example.test:587",
      from: "Sertakan <noreply@sertakan.local>",
    });
    expect(
      loadConfig({ SMTP_URL: "smtps://u:p@mail.example.test", MAIL_FROM: "Klaten <a@b.id>" }).mail,
    ).toEqual({ smtpUrl: "smtps://u:p@mail.example.test", from: "Klaten <a@b.id>" });
  });

  it("refuses a URL that is not SMTP without echoing its password, and a sender without @", () => {
    expect(() => loadConfig({ SMTP_URL: "http://u:secret@mail.example.test" })).toThrow(
      ConfigError,
    );
    expect(() => loadConfig({ SMTP_URL: "http://u:secret@mail.example.test" })).not.toThrow(
      /secret/,
    );
    expect(() => loadConfig({ SMTP_URL: "smtp://h", MAIL_FROM: "nobody" })).toThrow(/MAIL_FROM/);
    expect(() => loadConfig({ REMINDERS_SCHEDULE: "sometimes" })).toThrow(/REMINDERS_SCHEDULE/);
  });
});
