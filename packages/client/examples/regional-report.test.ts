import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { CoverageStatsDocument, createClient } from "../src";
import { apiUrl, createApiKey } from "../src/test/api";
import { regionalReport } from "./regional-report";

const NUMBERS = ["registered_workers", "active", "arrears", "lapsed", "uncovered"] as const;

function parseCsv(csv: string) {
  const [header, ...rows] = csv.trimEnd().split("\r\n");
  const columns = header.split(",");
  return rows.map((row) =>
    Object.fromEntries(row.split(",").map((value, i) => [columns[i], value])),
  );
}

describe("examples/regional-report", () => {
  it("writes Klaten and its 26 districts as CSV whose districts add up to the regency", async () => {
    const key = await createApiKey("VIEWER", "33.10");
    const csv = await regionalReport(createClient({ url: apiUrl(), apiKey: key }), "33.10");
    const [regency, ...districts] = parseCsv(csv);
    expect(regency).toMatchObject({ region_code: "33.10", region_name: "Kabupaten Klaten" });
    expect(districts).toHaveLength(26);
    expect(districts[0]).toMatchObject({ region_code: "33.10.01", region_name: "Prambanan" });
    expect(districts.every((d) => d.level === "DISTRICT" && d.as_of === regency.as_of)).toBe(true);
    expect(Number(regency.registered_workers)).toBe(5_000);
    for (const column of NUMBERS) {
      const sum = districts.reduce((total, d) => total + Number(d[column]), 0);
      expect([column, sum]).toEqual([column, Number(regency[column])]);
    }
    const { active, registered_workers } = regency;
    expect(regency.active_share).toBe((Number(active) / Number(registered_workers)).toFixed(4));
  });

  it("runs as a program from the build with the key in the environment", async () => {
    const key = await createApiKey("VIEWER", "33.10.01");
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "report-")), "prambanan.csv");
    const program = path.resolve(__dirname, "../dist/examples/regional-report.js");
    await promisify(execFile)(
      process.execPath,
      [program, "--region", "33.10.01", "--url", apiUrl(), "--out", out],
      { env: { ...process.env, SERTAKAN_API_KEY: key } },
    );
    const rows = parseCsv(fs.readFileSync(out, "utf8"));
    const expected = await createClient({ url: apiUrl(), apiKey: key }).request(
      CoverageStatsDocument,
      { regionCode: "33.10.01" },
    );
    // Prambanan and its villages, one line each.
    expect(rows).toHaveLength(1 + expected.coverageStats.children.length);
    expect(rows[0]).toMatchObject({
      region_code: "33.10.01",
      active: String(expected.coverageStats.active),
      lapsed: String(expected.coverageStats.lapsed),
    });
    expect(rows.slice(1).every((r) => r.level === "VILLAGE")).toBe(true);
  });

  it("exits 1 with the API's code when the key may not see the region", async () => {
    const key = await createApiKey("VIEWER", "33.10.01");
    const program = path.resolve(__dirname, "../dist/examples/regional-report.js");
    const run = promisify(execFile)(
      process.execPath,
      [program, "--region", "33.09", "--url", apiUrl()],
      { env: { ...process.env, SERTAKAN_API_KEY: key } },
    );
    await expect(run).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining("(FORBIDDEN)"),
    });
  });
});
