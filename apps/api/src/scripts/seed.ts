import path from "node:path";
import { parseArgs } from "node:util";
import { currentYearMonth, isRegionCode } from "@sertakan/schema";
import { ConfigError, loadConfig } from "../config";
import { createDataSource } from "../database/data-source";
import { startEmbeddedPostgres } from "../database/embedded";
import { migrateDatabase } from "../database/migrate";
import { seedScale } from "../database/seed/scale-seed";
import { loadRegions } from "../modules/region/region-data";

const USAGE = `Usage: npm run seed -- --workers <n> [--region <code>] [--seed <n>] [--reset] [--data-dir <dir>]

Fills a database with a region at scale: workers in every village of the region, donors,
and 18 months of pledges and payments ending this month.
  --workers   how many workers (e.g. 220000 for Klaten, 2000000 for Central Java)
  --region    region code, any level (default 33.10, Kabupaten Klaten); several provinces or
              regencies joined by commas (33,34) spread the workers over them all
  --seed      PRNG seed (default 20240521): the same seed and month give the same data
  --reset     empty the registry first (workers, donors, partners and everything on them)
  --data-dir  embedded PostgreSQL folder when DATABASE_URL is unset (default .data/postgres)

Examples:
  npm run seed -- --workers 220000 --region 33.10
  npm run seed -- --workers 2000000 --region 33,34`;

function fail(message: string): never {
  console.error(`seed: ${message}\n\n${USAGE}`);
  process.exit(2);
}

function bar(phase: string, done: number, total: number): void {
  const width = 30;
  const share = total ? done / total : 1;
  const line = `${phase.padEnd(14)} [${"#".repeat(Math.round(share * width)).padEnd(width, ".")}] ${Math.round(
    share * 100,
  )
    .toString()
    .padStart(3)}%  ${done.toLocaleString("en")}/${total.toLocaleString("en")}`;
  if (process.stderr.isTTY) process.stderr.write(`\r${line}${done >= total ? "\n" : ""}`);
  else if (done >= total || done % Math.max(1, Math.ceil(total / 4)) < 10_000)
    process.stderr.write(`${line}\n`);
}

async function main() {
  const { values } = parseArgs({
    options: {
      workers: { type: "string" },
      region: { type: "string", default: "33.10" },
      seed: { type: "string", default: "20240521" },
      reset: { type: "boolean", default: false },
      "data-dir": { type: "string" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const workers = Number(values.workers);
  if (!values.workers || !Number.isInteger(workers) || workers < 1 || workers > 10_000_000)
    fail("--workers must be a whole number from 1 to 10,000,000.");
  for (const code of values.region.split(","))
    if (!isRegionCode(code)) fail(`--region "${code}" is not a region code such as 33.10.`);
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) fail("--seed must be a whole number.");

  const config = loadConfig();
  let stop = async () => undefined as void;
  let url = config.databaseUrl;
  if (!url) {
    const dataDir = values["data-dir"] ? path.resolve(values["data-dir"]) : config.dataDir;
    console.error(`seed: embedded PostgreSQL in ${dataDir}`);
    const embedded = await startEmbeddedPostgres(dataDir, (m) => console.error(`seed: ${m}`));
    url = embedded.url;
    stop = embedded.stop;
  }
  const db = createDataSource({ url, poolSize: 4, statementTimeoutMs: 0 });
  await db.initialize();
  try {
    await migrateDatabase(db, (m) => console.error(`seed: ${m}`));
    await loadRegions(db, (m) => console.error(`seed: ${m}`));
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM worker`);
    if (n > 0 && !values.reset)
      fail(
        `the database already has ${n.toLocaleString("en")} workers. Add --reset to replace them, or use another --data-dir.`,
      );
    if (values.reset) {
      console.error(
        "seed: emptying the registry (workers, donors, partners, pledges, payments, accident reports, reminders, roll-ups, donor totals)",
      );
      await db.query(
        `TRUNCATE accident_report, donor_reminder, allocation, contribution, payment, sponsor_request, renew_request, sponsorship, coverage_run, rollup_paid_month, rollup_workers, donor_totals, worker, engagement, donor, partner`,
      );
    }
    const summary = await seedScale(db, {
      workers,
      regionCode: values.region,
      seed,
      currentMonth: currentYearMonth(),
      progress: bar,
    });
    console.error(
      `seed: ${summary.workers.toLocaleString("en")} workers, ${summary.donors.toLocaleString("en")} donors, ${summary.sponsorships.toLocaleString("en")} sponsorships, ` +
        `${summary.contributions.toLocaleString("en")} contributions, ${summary.payments.toLocaleString("en")} payments in ${summary.seconds.toFixed(0)} s`,
    );
  } finally {
    await db.destroy();
    await stop();
  }
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? `seed: ${error.message}` : error);
  process.exit(1);
});
