// A regional office's report: coverage of a regency (or any region) and of each region one
// level down, as CSV. Run after `npm run build`:
//
//   SERTAKAN_API_KEY=stk_… node packages/client/dist/examples/regional-report.js \
//     --region 33.10 [--as-of 2026-11] [--url http://localhost:4000/graphql] [--out klaten.csv]
//
// The key goes in the environment, not the command line, where other users could see it.
import fs from "node:fs";
import { CoverageStatsDocument, type SertakanClient, SertakanError, createClient } from "../src";

const COLUMNS = [
  "region_code",
  "region_name",
  "level",
  "as_of",
  "registered_workers",
  "active",
  "arrears",
  "lapsed",
  "uncovered",
  "active_share",
  "contributions_paid_rupiah",
] as const;

// RFC 4180: quote a field that holds a comma, a quote or a line break.
function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The CSV text: the region's own line first, then one line per child region by code. */
export async function regionalReport(
  client: SertakanClient,
  regionCode: string,
  asOf?: string,
): Promise<string> {
  const { coverageStats: stats } = await client.request(CoverageStatsDocument, {
    regionCode,
    asOf,
  });
  const children = [...stats.children].sort((a, b) => a.region.code.localeCompare(b.region.code));
  const lines = [stats, ...children].map((s) =>
    [
      s.region.code,
      s.region.name,
      s.region.level,
      stats.asOf,
      s.registeredWorkers,
      s.active,
      s.arrears,
      s.lapsed,
      s.uncovered,
      // Share of registered workers whose month is paid, 4 decimals; empty with no workers.
      s.registeredWorkers ? (s.active / s.registeredWorkers).toFixed(4) : "",
      s.contributionsPaid,
    ]
      .map(csvField)
      .join(","),
  );
  return [COLUMNS.join(","), ...lines].join("\r\n") + "\r\n";
}

function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : undefined;
}

async function main(args: string[]) {
  const regionCode = option(args, "region");
  if (!regionCode) throw new Error("Name the region: --region 33.10 (Kabupaten Klaten).");
  const client = createClient({
    url: option(args, "url") ?? "http://localhost:4000/graphql",
    apiKey: process.env.SERTAKAN_API_KEY,
  });
  const csv = await regionalReport(client, regionCode, option(args, "as-of"));
  const out = option(args, "out");
  if (out) fs.writeFileSync(out, csv);
  else process.stdout.write(csv);
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error) => {
    const code = error instanceof SertakanError ? ` (${error.code})` : "";
    console.error(`regional-report: ${error.message}${code}`);
    process.exit(1);
  });
}
