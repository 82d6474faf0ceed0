import type DataLoader from "dataloader";
import { DataSource } from "typeorm";
import {
  Access,
  BadUserInputError,
  ForbiddenError,
  LAPSE_AFTER_UNPAID_MONTHS,
  Occupation,
  RegionLevel,
  addMonths,
  canSeeRegion,
  compareYearMonth,
  currentYearMonth,
  monthsBetween,
  regionLevelOf,
} from "@sertakan/schema";
import { writeAudit } from "../audit/audit.service";
import { WORKER_REGION_COLUMN } from "../auth/scope";
import type { Viewer } from "../auth/viewer";
import type { Region } from "../region/region.entity";
import { RegionService } from "../region/region.service";
import {
  CoveragePoint,
  CoverageStats,
  OccupationCount,
  RegionalTarget,
  RegionalTargetInput,
} from "./coverage.types";

const MAX_TIMELINE_MONTHS = 60;
const OCCUPATIONS = Object.values(Occupation);
const first = (month: string) => `${month}-01`;

// The roll-ups' column one level down; villages have no children.
const CHILD_COLUMN: Partial<Record<RegionLevel, string>> = {
  [RegionLevel.PROVINCE]: WORKER_REGION_COLUMN[RegionLevel.REGENCY],
  [RegionLevel.REGENCY]: WORKER_REGION_COLUMN[RegionLevel.DISTRICT],
  [RegionLevel.DISTRICT]: WORKER_REGION_COLUMN[RegionLevel.VILLAGE],
};

type Tally = {
  registered: number;
  active: number;
  arrears: number;
  lapsed: number;
  amount: number;
  occupations: Map<string, { workers: number; active: number }>;
};

export class CoverageService {
  constructor(
    private readonly db: DataSource,
    private readonly regions: RegionService,
    private readonly now: () => Date,
  ) {}

  /** The month statistics speak of: asOf, or this month in Jakarta. */
  asOf(asOf: string | null | undefined): string {
    return asOf ?? currentYearMonth(this.now());
  }

  /**
   * Region must exist and lie inside the caller's scope: aggregates obey scope like lists do.
   * Pass the request's region loader when a request may name many regions: their checks end
   * in the same tick, so their statistics are read in one batch, not one batch per region.
   */
  async requireRegion(
    access: Access,
    code: string,
    loader?: DataLoader<string, Region | null>,
  ): Promise<void> {
    await this.regions.require(code, "regionCode", undefined, loader);
    if (!canSeeRegion(access, code)) {
      throw new ForbiddenError(
        `Region ${code} is outside your scope ${access.regionScope}.`,
        "regionCode",
      );
    }
  }

  /**
   * Statistics of many regions of one level for one month, from the roll-ups only: three
   * grouped statements however many regions. ACTIVE = paid that month; a run ending 1–3
   * months before asOf with no later run started is ARREARS, one ending earlier is LAPSED.
   *
   * The rows are read and grouped by child region, and the map also holds every child: a
   * region's figures are the sums of its children's, so a `coverageStats` with `children`
   * reads its rows once, not once for the region and again for its children.
   */
  async statsOf(codes: readonly string[], asOf: string): Promise<Map<string, CoverageStats>> {
    const byLevel = new Map<RegionLevel, string[]>();
    for (const code of codes)
      byLevel.set(regionLevelOf(code), [...(byLevel.get(regionLevelOf(code)) ?? []), code]);
    const result = new Map<string, CoverageStats>();
    for (const [level, group] of byLevel) {
      const tallies = new Map<string, Tally>();
      const tallyOf = (code: string) => {
        if (!tallies.has(code))
          tallies.set(code, {
            registered: 0,
            active: 0,
            arrears: 0,
            lapsed: 0,
            amount: 0,
            occupations: new Map(),
          });
        return tallies.get(code)!;
      };
      // Every asked region and every child answers, with zeros when it has no workers.
      for (const code of group) tallyOf(code);
      // The rows are read by child region (villages have none): each level's index leads with
      // its own code, so the children's codes are index scans (index-only for coverage runs),
      // where grouping the region's own index by child made PostgreSQL read the whole table.
      const childColumn = CHILD_COLUMN[level];
      const parentOf = new Map<string, string>();
      if (childColumn) {
        const children: { code: string; parent: string }[] = await this.db.query(
          `SELECT code, parent_code AS parent FROM region WHERE parent_code = ANY($1)`,
          [group],
        );
        for (const c of children) {
          parentOf.set(c.code, c.parent);
          tallyOf(c.code);
        }
      }
      const column = childColumn ?? WORKER_REGION_COLUMN[level];
      const codes = childColumn ? [...parentOf.keys()] : group;
      const [workers, paid, runs] = await Promise.all([
        this.db.query(
          `SELECT ${column} AS code, occupation, sum(workers)::int AS n
             FROM rollup_workers WHERE ${column} = ANY($1) GROUP BY 1, 2`,
          [codes],
        ),
        this.db.query(
          `SELECT ${column} AS code, occupation, sum(paid)::int AS n, sum(amount)::bigint AS amount
             FROM rollup_paid_month WHERE ${column} = ANY($1) AND month = $2::date GROUP BY 1, 2`,
          [codes, first(asOf)],
        ),
        this.db.query(
          `SELECT ${column} AS code,
                  count(*) FILTER (WHERE end_month >= $3::date)::int AS arrears,
                  count(*) FILTER (WHERE end_month < $3::date)::int AS lapsed
             FROM coverage_run
            WHERE ${column} = ANY($1) AND end_month < $2::date AND (next_start IS NULL OR next_start > $2::date)
            GROUP BY 1`,
          [codes, first(asOf), first(addMonths(asOf, -LAPSE_AFTER_UNPAID_MONTHS))],
        ),
      ]);
      // A child's row counts for the child and for its parent.
      const both = ({ code }: { code: string }) => {
        const parent = parentOf.get(code);
        return parent ? [tallyOf(code), tallyOf(parent)] : [tallyOf(code)];
      };
      const occupation = (t: Tally, o: string) => {
        if (!t.occupations.has(o)) t.occupations.set(o, { workers: 0, active: 0 });
        return t.occupations.get(o)!;
      };
      for (const r of workers)
        for (const t of both(r)) {
          t.registered += r.n;
          occupation(t, r.occupation).workers += r.n;
        }
      for (const r of paid)
        for (const t of both(r)) {
          t.active += r.n;
          t.amount += Number(r.amount);
          occupation(t, r.occupation).active += r.n;
        }
      for (const r of runs)
        for (const t of both(r)) {
          t.arrears += r.arrears;
          t.lapsed += r.lapsed;
        }
      for (const [code, t] of tallies) result.set(code, toStats(code, asOf, t));
    }
    return result;
  }

  async timeline(
    access: Access,
    regionCode: string,
    from: string,
    to: string,
  ): Promise<CoveragePoint[]> {
    await this.requireRegion(access, regionCode);
    if (compareYearMonth(from, to) > 0)
      throw new BadUserInputError(`from ${from} is after to ${to}.`, "from");
    const months = monthsBetween(from, to) + 1;
    if (months > MAX_TIMELINE_MONTHS) {
      throw new BadUserInputError(
        `A timeline spans at most ${MAX_TIMELINE_MONTHS} months; this one spans ${months}.`,
        "to",
      );
    }
    const column = WORKER_REGION_COLUMN[regionLevelOf(regionCode)];
    const range = [regionCode, first(from), first(to)];
    const [paid, firsts, lapses] = await Promise.all([
      this.db.query(
        `SELECT to_char(month, 'YYYY-MM') AS month, sum(paid)::int AS n, sum(amount)::bigint AS amount
           FROM rollup_paid_month WHERE ${column} = $1 AND month BETWEEN $2::date AND $3::date GROUP BY 1`,
        range,
      ),
      this.db.query(
        `SELECT to_char(start_month, 'YYYY-MM') AS month, count(*)::int AS n FROM coverage_run
          WHERE ${column} = $1 AND first_run AND start_month BETWEEN $2::date AND $3::date GROUP BY 1`,
        range,
      ),
      // A run that ended four months earlier, with no run started since, lapses this month.
      this.db.query(
        `SELECT to_char(end_month + interval '4 months', 'YYYY-MM') AS month, count(*)::int AS n FROM coverage_run
          WHERE ${column} = $1 AND end_month BETWEEN ($2::date - interval '4 months') AND ($3::date - interval '4 months')
            AND (next_start IS NULL OR next_start > end_month + interval '4 months') GROUP BY 1`,
        range,
      ),
    ]);
    type Row = { month: string; n: number; amount?: string };
    const index = (rows: Row[]) => new Map(rows.map((r) => [r.month, r]));
    const [p, f, l] = [index(paid), index(firsts), index(lapses)];
    return Array.from({ length: months }, (_, i) => {
      const month = addMonths(from, i);
      return {
        month,
        active: p.get(month)?.n ?? 0,
        contributionsPaid: Number(p.get(month)?.amount ?? 0),
        newlyCovered: f.get(month)?.n ?? 0,
        lapsed: l.get(month)?.n ?? 0,
      };
    });
  }

  async targets(
    access: Access,
    regionCode: string | null | undefined,
    year: number | null | undefined,
  ): Promise<RegionalTarget[]> {
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT id, region_code, year, informal_workers, baseline_covered, target_covered, note, updated_at FROM regional_target
        WHERE ($1::varchar IS NULL OR region_code = $1) AND ($2::int IS NULL OR year = $2) ORDER BY region_code, year`,
      [regionCode ?? null, year ?? null],
    );
    return rows.map(toTarget).filter((t) => canSeeRegion(access, t.regionCode));
  }

  async setTarget(viewer: Viewer, input: RegionalTargetInput): Promise<RegionalTarget> {
    if (viewer.role !== "ADMIN")
      throw new ForbiddenError("Only an administrator sets regional targets.");
    await this.requireRegion(viewer, input.regionCode);
    const fields: [keyof RegionalTargetInput, number][] = [
      ["informalWorkers", input.informalWorkers],
      ["baselineCovered", input.baselineCovered],
      ["targetCovered", input.targetCovered],
    ];
    for (const [field, value] of fields) {
      if (!Number.isInteger(value) || value < 0 || value > 100_000_000)
        throw new BadUserInputError(
          `${field} must be a whole number of workers, got ${value}.`,
          field,
        );
    }
    if (input.informalWorkers <= 0)
      throw new BadUserInputError("informalWorkers must be more than 0.", "informalWorkers");
    if (input.baselineCovered > input.informalWorkers)
      throw new BadUserInputError(
        "baselineCovered cannot exceed informalWorkers.",
        "baselineCovered",
      );
    if (input.targetCovered <= 0 || input.targetCovered > input.informalWorkers) {
      throw new BadUserInputError(
        "targetCovered must be more than 0 and at most informalWorkers.",
        "targetCovered",
      );
    }
    if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2100)
      throw new BadUserInputError(`year must be between 2000 and 2100, got ${input.year}.`, "year");
    return this.db.transaction(async (m) => {
      const [row] = await m.query(
        `INSERT INTO regional_target (region_code, year, informal_workers, baseline_covered, target_covered, note)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (region_code, year) DO UPDATE SET informal_workers = EXCLUDED.informal_workers, baseline_covered = EXCLUDED.baseline_covered,
           target_covered = EXCLUDED.target_covered, note = EXCLUDED.note, updated_at = now()
         RETURNING id, region_code, year, informal_workers, baseline_covered, target_covered, note, updated_at`,
        [
          input.regionCode,
          input.year,
          input.informalWorkers,
          input.baselineCovered,
          input.targetCovered,
          input.note ?? null,
        ],
      );
      await writeAudit(m, viewer, {
        action: "setRegionalTarget",
        entity: "regionalTarget",
        entityId: row.id,
        changes: { ...input },
      });
      return toTarget(row);
    });
  }
}

function toStats(regionCode: string, asOf: string, t: Tally): CoverageStats {
  return {
    regionCode,
    asOf,
    registeredWorkers: t.registered,
    active: t.active,
    arrears: t.arrears,
    lapsed: t.lapsed,
    uncovered: t.registered - t.active - t.arrears - t.lapsed,
    contributionsPaid: t.amount,
    byOccupation: OCCUPATIONS.map((o): OccupationCount => ({
      occupation: o,
      workers: t.occupations.get(o)?.workers ?? 0,
      active: t.occupations.get(o)?.active ?? 0,
    })),
  };
}

function toTarget(row: Record<string, unknown>): RegionalTarget {
  return {
    id: String(row.id),
    regionCode: String(row.region_code),
    year: Number(row.year),
    informalWorkers: Number(row.informal_workers),
    baselineCovered: Number(row.baseline_covered),
    targetCovered: Number(row.target_covered),
    note: (row.note as string | null) ?? null,
    updatedAt: row.updated_at as Date,
  };
}
