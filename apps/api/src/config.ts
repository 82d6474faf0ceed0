import path from "node:path";

// Every environment variable the API reads is read here, once, and listed in the README.
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
};

export class ConfigError extends Error {}

const repoRoot = path.resolve(__dirname, "../../..");

function parseBoolean(name: string, raw: string | undefined): boolean | undefined {
  if (raw === undefined || raw === "") return undefined;
  if (/^(true|1|yes)$/i.test(raw)) return true;
  if (/^(false|0|no)$/i.test(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}".`);
}

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw === "") return 4000;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be a whole number from 0 to 65535, got "${raw}".`);
  }
  return port;
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
  return {
    env: nodeEnv,
    port: parsePort(env.PORT),
    host: env.HOST?.trim() || "0.0.0.0",
    databaseUrl,
    // Relative to the repository root: `npm start` runs the API from apps/api.
    dataDir: path.resolve(repoRoot, env.DATA_DIR?.trim() || ".data"),
    seedDemo,
    adminDist: path.join(repoRoot, "apps/admin/dist"),
  };
}
