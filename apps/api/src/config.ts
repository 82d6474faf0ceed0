import path from "node:path";

// Every environment variable the API reads is read here, once, and listed in docs/configuration.md.
export type Config = {
  env: "development" | "production" | "test";
  port: number;
  host: string;
  /** null = zero-setup mode: an embedded PostgreSQL with data in `dataDir`. */
  databaseUrl: string | null;
  dataDir: string;
  /** Load the Klaten demo into an empty database. */
  seedDemo: boolean;
  /** Directory of the built admin SPA, served at `/` when it exists. */
  adminDist: string;
  /** The first administrator, created when there are no users. */
  admin: { email: string; password: string; isDemoDefault: boolean } | null;
  /** Browser origins allowed to call the API with credentials (besides its own). */
  corsOrigins: string[];
  /** Requests per minute per API key, user or anonymous address; 0 = no limit. */
  rateLimitPerMinute: number;
  /** "memory" for one instance; "postgres" shares the counts between instances. */
  rateLimitStore: "memory" | "postgres";
  /** PostgreSQL statement_timeout for every statement the API sends, in ms. */
  statementTimeoutMs: number;
  /** Streaming replicas that take reads; writes and a mutation's own reads stay on the primary. */
  replicaUrls: string[];
  /** pino level of the JSON logs on stdout. */
  logLevel: LogLevel;
  /** How long shutdown waits for in-flight requests before closing their connections. */
  shutdownGraceMs: number;
  /**
   * On SIGTERM, how long to keep serving with /readyz already 503 before the listener closes:
   * a load balancer needs a few probe periods to stop sending new requests.
   */
  shutdownDelayMs: number;
  /** When set, GET /metrics wants `Authorization: Bearer <this>`; else it is open (keep it internal). */
  metricsToken: string | null;
  /** API keys may run only the client package's operations (registered from `clientOperationsDir`). */
  apiKeySafelist: boolean;
  /** The client package's .graphql operations: the safelist's source. */
  clientOperationsDir: string;
  /** Directory of the built GraphiQL playground, served on GET /graphql to browsers. */
  playgroundDist: string;
  /** Donor reminder e-mail: the SMTP server (smtp:// or smtps:// URL) and sender; null = no e-mail, reminders wait for a call. */
  mail: { smtpUrl: string; from: string } | null;
  /** Run the donor reminder job (daily 07:00 Asia/Jakarta) in this process. */
  remindersSchedule: boolean;
  /** Reads answered by one compiled statement (compiled-reads/); off: every query through Apollo. */
  compiledReads: boolean;
};

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

// Outside production a first admin is made up so `npm start` can be tried at once.
export const DEMO_ADMIN = { email: "admin@sertakan.local", password: "sertakan-demo" };

export class ConfigError extends Error {}

const repoRoot = path.resolve(__dirname, "../../..");

function parseBoolean(name: string, raw: string | undefined): boolean | undefined {
  if (raw === undefined || raw === "") return undefined;
  if (/^(true|1|yes)$/i.test(raw)) return true;
  if (/^(false|0|no)$/i.test(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}".`);
}

// A shared secret a scraper sends: long enough that guessing it is hopeless.
function parseSecret(name: string, raw: string | undefined): string | null {
  const value = raw?.trim();
  if (!value) return null;
  // Printable ASCII only: anything else could never arrive the same in a header.
  if (!/^[\x21-\x7e]{24,}$/.test(value))
    throw new ConfigError(
      `${name} must be at least 24 printable ASCII characters without spaces (e.g. \`openssl rand -hex 24\`).`,
    );
  return value;
}

function parseWholeNumber(
  name: string,
  raw: string | undefined,
  fallback: number,
  max: number,
): number {
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > max)
    throw new ConfigError(`${name} must be a whole number from 0 to ${max}, got "${raw}".`);
  return n;
}

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw === "") return 4000;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be a whole number from 0 to 65535, got "${raw}".`);
  }
  return port;
}

function parseSwitch(name: string, raw: string | undefined): boolean | undefined {
  if (raw !== undefined && /^(on|off)$/i.test(raw.trim())) return /^on$/i.test(raw.trim());
  return parseBoolean(name, raw);
}

function parseMail(url: string | undefined, from: string | undefined): Config["mail"] {
  const smtpUrl = url?.trim();
  if (!smtpUrl) return null;
  if (!/^smtps?:\/\/[^/]/.test(smtpUrl))
    throw new ConfigError(
      `SMTP_URL must be an smtp:// or smtps:// URL, got "${smtpUrl.replace(/\/\/[^@]*@/, "//…@")}".`,
    );
  const sender = from?.trim() || "Sertakan <noreply@sertakan.local>";
  if (!/@/.test(sender))
    throw new ConfigError(`MAIL_FROM must be an e-mail address, got "${sender}".`);
  return { smtpUrl, from: sender };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const nodeEnv =
    env.NODE_ENV === "production" || env.NODE_ENV === "test" ? env.NODE_ENV : "development";
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError(`DATABASE_URL must be a postgres:// URL, got "${databaseUrl}".`);
  }
  // Demo data by default only where it cannot land in someone's real database.
  const seedDemo = parseBoolean("SEED_DEMO", env.SEED_DEMO) ?? databaseUrl === null;
  const adminEmail = env.ADMIN_EMAIL?.trim();
  const adminPassword = env.ADMIN_PASSWORD;
  if (Boolean(adminEmail) !== Boolean(adminPassword)) {
    throw new ConfigError("Set both ADMIN_EMAIL and ADMIN_PASSWORD, or neither.");
  }
  if (adminPassword && adminPassword.length < 10)
    throw new ConfigError("ADMIN_PASSWORD must be at least 10 characters.");
  const admin =
    adminEmail && adminPassword
      ? { email: adminEmail, password: adminPassword, isDemoDefault: false }
      : nodeEnv === "production"
        ? null
        : { ...DEMO_ADMIN, isDemoDefault: true };
  const replicaUrls = (env.DATABASE_REPLICA_URLS ?? "")
    .split(",")
    .map((u) => u.trim())
    .filter(Boolean);
  for (const url of replicaUrls)
    if (!/^postgres(ql)?:\/\//.test(url))
      throw new ConfigError(`DATABASE_REPLICA_URLS must list postgres:// URLs, got "${url}".`);
  // Replicas of the embedded database do not exist: they follow a primary named by URL.
  if (replicaUrls.length && !databaseUrl)
    throw new ConfigError("DATABASE_REPLICA_URLS needs DATABASE_URL, the primary they replicate.");
  const logLevel = (env.LOG_LEVEL?.trim() || "info") as LogLevel;
  if (!LOG_LEVELS.includes(logLevel))
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}, got "${logLevel}".`);
  const store = env.RATE_LIMIT_STORE?.trim() || "memory";
  if (store !== "memory" && store !== "postgres")
    throw new ConfigError(`RATE_LIMIT_STORE must be memory or postgres, got "${store}".`);
  return {
    env: nodeEnv,
    port: parsePort(env.PORT),
    host: env.HOST?.trim() || "0.0.0.0",
    databaseUrl,
    // Relative to the repository root: `npm start` runs the API from apps/api.
    dataDir: path.resolve(repoRoot, env.DATA_DIR?.trim() || ".data/postgres"),
    seedDemo,
    adminDist: path.join(repoRoot, "apps/admin/dist"),
    admin,
    corsOrigins: (env.CORS_ORIGINS ?? "")
      .split(",")
      .map((o) => o.trim())
      .filter(Boolean),
    rateLimitPerMinute: parseWholeNumber(
      "RATE_LIMIT_PER_MINUTE",
      env.RATE_LIMIT_PER_MINUTE,
      600,
      1_000_000,
    ),
    rateLimitStore: store,
    statementTimeoutMs: parseWholeNumber(
      "STATEMENT_TIMEOUT_MS",
      env.STATEMENT_TIMEOUT_MS,
      15_000,
      600_000,
    ),
    replicaUrls,
    logLevel,
    shutdownGraceMs: parseWholeNumber("SHUTDOWN_GRACE_MS", env.SHUTDOWN_GRACE_MS, 10_000, 600_000),
    shutdownDelayMs: parseWholeNumber("SHUTDOWN_DELAY_MS", env.SHUTDOWN_DELAY_MS, 0, 120_000),
    metricsToken: parseSecret("METRICS_TOKEN", env.METRICS_TOKEN),
    apiKeySafelist: parseBoolean("API_KEY_SAFELIST", env.API_KEY_SAFELIST) ?? false,
    clientOperationsDir: path.join(repoRoot, "packages/client/operations"),
    playgroundDist: path.join(repoRoot, "apps/playground/dist"),
    mail: parseMail(env.SMTP_URL, env.MAIL_FROM),
    // Off in tests and benchmarks, which call the job themselves; on elsewhere.
    remindersSchedule:
      parseSwitch("REMINDERS_SCHEDULE", env.REMINDERS_SCHEDULE) ?? nodeEnv !== "test",
    compiledReads: parseSwitch("COMPILED_READS", env.COMPILED_READS) ?? true,
  };
}
