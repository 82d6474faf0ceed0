import { isRegionCode, regionLevelOf } from "@sertakan/schema";
import type { Catalog, Ctx, FieldSpec, ListSpec, TypeSpec } from "../../compiled-reads/catalog";
import { NotCompiled } from "../../compiled-reads/selection";
import { isoTimestamp } from "../../compiled-reads/sql";
import { requireUuid } from "../../graphql/ids";
import { WORKER_REGION_COLUMN } from "../auth/scope";

// Accident reports as the compiled reads (compiled-reads/) answer them: the same rows, order,
// scope and masking as AccidentReportResolver and AccidentService.

export const AccidentReportType: TypeSpec = {
  table: "accident_report",
  key: "id",
  fields: {
    id: { leaf: (t) => `${t}.id` },
    occurredAt: { leaf: (t) => isoTimestamp(`${t}.occurred_at`) },
    place: { leaf: (t) => `${t}.place` },
    cause: { leaf: (t) => `${t}.cause` },
    description: { leaf: (t) => `${t}.description` },
    reporterName: { leaf: (t) => `${t}.reporter_name` },
    // Personal data (UU PDP 27/2022): a VIEWER sees no reporter phone.
    reporterPhone: { leaf: (t, ctx) => (ctx.masked ? "NULL" : `${t}.reporter_phone`) },
    status: { leaf: (t) => `${t}.status` },
    late: { leaf: (t) => `${t}.late` },
    createdAt: { leaf: (t) => isoTimestamp(`${t}.created_at`) },
    // The loaders behind these three apply no scope: neither does this.
    worker: {
      one: "Worker",
      join: (p, c) => `LEFT JOIN worker ${c} ON ${c}.id = ${p}.worker_id`,
    },
    partner: {
      one: "Partner",
      join: (p, c) => `LEFT JOIN partner ${c} ON ${c}.id = ${p}.partner_id`,
    },
    coveredBy: {
      one: "Contribution",
      nullable: true,
      join: (p, c) => `LEFT JOIN contribution ${c} ON ${c}.id = ${p}.covered_by_id`,
    },
  },
};

/** Worker.accidentReports (WorkerAccidentsResolver): every report of the worker, newest first. */
export const workerAccidentFields: Record<string, FieldSpec> = {
  accidentReports: {
    many: "AccidentReport",
    where: (p, c) => `${c}.worker_id = ${p}.id`,
    order: (c) => `${c}.occurred_at DESC, ${c}.id DESC`,
  },
};

/**
 * Reports (alias `a`) whose worker is inside the caller's scope and, when asked, inside a
 * region: AccidentService.inScope's join, as one semi-join on the worker's region columns.
 */
function workerInside(a: string, ctx: Ctx, regionCode: string | null): string[] {
  const codes = [ctx.access.regionScope, regionCode].filter((c): c is string => c !== null);
  if (!codes.length) return [];
  const w = ctx.alias();
  const conditions = codes.map(
    (code) =>
      `${w}.${WORKER_REGION_COLUMN[regionLevelOf(code)]} = ${ctx.params.add(code, "varchar")}`,
  );
  return [
    `EXISTS (SELECT 1 FROM worker ${w} WHERE ${w}.id = ${a}.worker_id AND ${conditions.join(" AND ")})`,
  ];
}

type Filter = {
  regionCode?: string | null;
  partnerId?: string | null;
  workerId?: string | null;
  status?: string[] | null;
  from?: string | null;
  to?: string | null;
};

/** The filters of AccidentService.list, in SQL with numbered parameters. */
function accidentFilter(a: string, ctx: Ctx, filter: Filter | null | undefined): string[] {
  const add = ctx.params.add.bind(ctx.params);
  const regionCode = filter?.regionCode || null;
  if (regionCode && !isRegionCode(regionCode))
    throw new NotCompiled("regionCode is not a region code");
  const out = workerInside(a, ctx, regionCode);
  if (filter?.partnerId)
    out.push(`${a}.partner_id = ${add(requireUuid(filter.partnerId, "partnerId"), "uuid")}`);
  if (filter?.workerId)
    out.push(`${a}.worker_id = ${add(requireUuid(filter.workerId, "workerId"), "uuid")}`);
  if (filter?.status?.length) out.push(`${a}.status = ANY(${add(filter.status, "text[]")})`);
  if (filter?.from && filter?.to && filter.to < filter.from)
    throw new NotCompiled("to is before from");
  // Days are Jakarta days, as the cover decision's.
  if (filter?.from)
    out.push(
      `${a}.occurred_at >= (${add(filter.from, "date")})::timestamp AT TIME ZONE 'Asia/Jakarta'`,
    );
  if (filter?.to)
    out.push(
      `${a}.occurred_at < ((${add(filter.to, "date")}) + 1)::timestamp AT TIME ZONE 'Asia/Jakarta'`,
    );
  return out;
}

export const AccidentReportList: ListSpec = {
  type: "AccidentReport",
  conditions: (c, ctx, args) => accidentFilter(c, ctx, args.filter as Filter | undefined),
  // Newest accident first (accident_report_occurred_idx); no orderBy argument.
  order: () => ({
    keys: [
      {
        sql: (c) => `${c}.occurred_at`,
        cursor: (c) => isoTimestamp(`${c}.occurred_at`),
        cast: "timestamptz",
      },
      { sql: (c) => `${c}.id`, cursor: (c) => `${c}.id`, cast: "uuid" },
    ],
    direction: "DESC",
  }),
};

export const accidentRoots: Catalog["roots"] = {
  accidentReports: { connection: AccidentReportList },
  accidentReport: {
    single: "AccidentReport",
    // A malformed id is a BAD_USER_INPUT on the general path (requireUuid): thrown, it goes there.
    conditions: (c, ctx, args) => [
      `${c}.id = ${ctx.params.add(requireUuid(args.id as string, "id"), "uuid")}`,
      ...workerInside(c, ctx, null),
    ],
  },
};
