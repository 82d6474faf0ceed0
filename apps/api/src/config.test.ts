import { ConfigError, loadConfig } from "./config";

// Operations settings read from the environment: sensible defaults, and a refusal that says
// what to set for a value that would misbehave.
const base = { NODE_ENV: "test" };

it("defaults to no shutdown delay and an open /metrics", () => {
  const config = loadConfig(base);
  expect(config.shutdownDelayMs).toBe(0);
  expect(config.metricsToken).toBeNull();
});

it("reads SHUTDOWN_DELAY_MS as whole milliseconds up to two minutes", () => {
  expect(loadConfig({ ...base, SHUTDOWN_DELAY_MS: "5000" }).shutdownDelayMs).toBe(5000);
  for (const bad of ["-1", "1.5", "five", "120001"])
    expect(() => loadConfig({ ...base, SHUTDOWN_DELAY_MS: bad })).toThrow(
      new ConfigError(`SHUTDOWN_DELAY_MS must be a whole number from 0 to 120000, got "${bad}".`),
    );
});

it("takes a METRICS_TOKEN of 24 printable ASCII characters or more", () => {
  const token = "a".repeat(24);
  expect(loadConfig({ ...base, METRICS_TOKEN: ` ${token} ` }).metricsToken).toBe(token);
  expect(loadConfig({ ...base, METRICS_TOKEN: "  " }).metricsToken).toBeNull();
  for (const bad of ["short-token", `${"a".repeat(12)} ${"b".repeat(12)}`, "é".repeat(24)])
    expect(() => loadConfig({ ...base, METRICS_TOKEN: bad })).toThrow(
      /at least 24 printable ASCII characters/,
    );
});
