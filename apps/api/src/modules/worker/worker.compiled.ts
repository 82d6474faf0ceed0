import {
  coverageStatusSql,
  isRegionCode,
  maskNikSql,
  masksPersonalData,
  regionLevelOf,
} from "@sertakan/schema";
import type { Catalog, Ctx, ListSpec, OrderKey, TypeSpec } from "../../compiled-reads/catalog";
import { NotCompiled } from "../../compiled-reads/selection";
import { isoDate, isoTimestamp, yearMonth } from "../../compiled-reads/sql";
import { isUuid, requireUuid } from "../../graphql/ids";
import { WORKER_REGION_COLUMN } from "../auth/scope";
import { escapeLike } from "../region/region.service";
import { WorkerOrderField } from "./worker.inputs";

// Workers as the compiled reads (compiled-reads/) answer them: the same rows, order, masking
// and scope as WorkerResolver, worker-list.query.ts and the loaders.

/** Workers (alias `w`) inside the caller's scope: one indexed equality on the scope's level. */
export function workerScope(w: string, ctx: Ctx): string[] {
  const scope = ctx.access.regionScope;
  if (scope === null) return [];
  return [
    `${w}.${WORKER_REGION_COLUMN[regionLevelOf(scope)]} = ${ctx.params.add(scope, "varchar")}`,
  ];
}

export const WorkerType: TypeSpec = {
  table: "worker",
  key: "id",
  fields: {
    id: { leaf: (t) => `${t}.id` },
    nik: {
      // As maskNik: the first and last four digits.
      leaf: (t, ctx) => (ctx.masked ? maskNikSql(`${t}.nik`) : `${t}.nik`),
    },
    fullName: { leaf: (t) => `${t}.full_name` },
    gender: { leaf: (t) => `${t}.gender` },
    birthDate: { leaf: (t, ctx) => (ctx.masked ? "NULL" : isoDate(`${t}.birth_date`)) },
    occupation: { leaf: (t) => `${t}.occupation` },
    phone: { leaf: (t, ctx) => (ctx.masked ? "NULL" : `${t}.phone`) },
    membershipNumber: { leaf: (t) => `${t}.membership_number` },
    coveredThrough: { leaf: (t) => yearMonth(`${t}.covered_through`) },
    createdAt: { leaf: (t) => isoTimestamp(`${t}.created_at`) },
    updatedAt: { leaf: (t) => isoTimestamp(`${t}.updated_at`) },
    coverageStatus: {
      leaf: (t, ctx, args) => {
        const asOf = args.asOf as string | null | undefined;
        const month = asOf ? ctx.params.add(`${asOf}-01`, "date") : ctx.currentMonth();
        return coverageStatusSql(month, t);
      },
    },
    village: {
      one: "Region",
      join: (p, c) => `LEFT JOIN region ${c} ON ${c}.code = ${p}.village_code`,
    },
    recruitedBy: {
      one: "Partner",
      nullable: true,
      join: (p, c) => `LEFT JOIN partner ${c} ON ${c}.id = ${p}.recruited_by_id`,
    },
    sponsorships: {
      many: "Sponsorship",
      where: (p, c) => `${c}.worker_id = ${p}.id`,
      order: (c) => `${c}.start_month, ${c}.created_at`,
    },
  },
};

const key = (
  sql: (c: string) => string,
  cursor: (c: string) => string,
  cast: string,
): OrderKey => ({
  sql,
  cursor,
  cast,
});
const byId = key(
  (c) => `${c}.id`,
  (c) => `${c}.id`,
  "uuid",
);
const ORDER_KEYS: Record<WorkerOrderField, OrderKey[]> = {
  [WorkerOrderField.CREATED_AT]: [
    key(
      (c) => `${c}.created_at`,
      (c) => isoTimestamp(`${c}.created_at`),
      "timestamptz",
    ),
    byId,
  ],
  // Never-paid workers sort as if covered through 1900-01, so the key is never null.
  [WorkerOrderField.COVERED_THROUGH]: [
    key(
      (c) => `coalesce(${c}.covered_through, date '1900-01-01')`,
      (c) => isoDate(`coalesce(${c}.covered_through, date '1900-01-01')`),
      "date",
    ),
    byId,
  ],
  [WorkerOrderField.FULL_NAME]: [
    key(
      (c) => `${c}.full_name`,
      (c) => `${c}.full_name`,
      "text",
    ),
    byId,
  ],
};

type Filter = {
  search?: string | null;
  regionCode?: string | null;
  occupation?: string[] | null;
  coverageStatus?: string[] | null;
  donorId?: string | null;
  recruitedById?: string | null;
};

/** The filters of worker-list.query.ts, in SQL with numbered parameters. */
function workerFilter(w: string, ctx: Ctx, filter: Filter | null | undefined): string[] {
  const out = workerScope(w, ctx);
  const add = ctx.params.add.bind(ctx.params);
  const search = filter?.search?.trim();
  if (search) {
    if (/^\d{1,16}$/.test(search)) {
      // Refused on the general path (worker-list.query.ts), with its coded error.
      if (masksPersonalData(ctx.access) && search.length > 4)
        throw new NotCompiled("a viewer's NIK search longer than the mask shows");
      out.push(
        `${w}.nik BETWEEN ${add(search.padEnd(16, "0"), "bpchar")} AND ${add(search.padEnd(16, "9"), "bpchar")}`,
      );
    } else out.push(`${w}.full_name ILIKE ${add(`%${escapeLike(search)}%`, "text")}`);
  }
  if (filter?.regionCode) {
    if (!isRegionCode(filter.regionCode)) throw new NotCompiled("regionCode is not a region code");
    out.push(
      `${w}.${WORKER_REGION_COLUMN[regionLevelOf(filter.regionCode)]} = ${add(filter.regionCode, "varchar")}`,
    );
  }
  if (filter?.occupation?.length)
    out.push(`${w}.occupation = ANY(${add(filter.occupation, "text[]")})`);
  if (filter?.recruitedById)
    out.push(
      `${w}.recruited_by_id = ${add(requireUuid(filter.recruitedById, "recruitedById"), "uuid")}`,
    );
  if (filter?.donorId)
    out.push(
      `EXISTS (SELECT 1 FROM sponsorship s WHERE s.worker_id = ${w}.id AND s.donor_id = ${add(requireUuid(filter.donorId, "donorId"), "uuid")})`,
    );
  if (filter?.coverageStatus?.length)
    out.push(
      `${coverageStatusSql(ctx.currentMonth(), w)} = ANY(${add(filter.coverageStatus, "text[]")})`,
    );
  return out;
}

export const WorkerList: ListSpec = {
  type: "Worker",
  conditions: (c, ctx, args) => workerFilter(c, ctx, args.filter as Filter | undefined),
  order: (args) => {
    const orderBy = args.orderBy as
      { field: WorkerOrderField; direction: "ASC" | "DESC" } | undefined;
    // Without an explicit order the newest registrations come first.
    return {
      keys: ORDER_KEYS[orderBy?.field ?? WorkerOrderField.CREATED_AT],
      direction: orderBy ? orderBy.direction : "DESC",
    };
  },
};

export const workerRoots: Catalog["roots"] = {
  workers: { connection: WorkerList },
  worker: {
    single: "Worker",
    conditions: (c, ctx, args) => {
      if (!isUuid(args.id as string)) throw new NotCompiled("worker id is not a UUID");
      return [`${c}.id = ${ctx.params.add(args.id, "uuid")}`, ...workerScope(c, ctx)];
    },
  },
  workerByNik: {
    single: "Worker",
    conditions: (c, ctx, args) => {
      // The unique index is on char(16): compared as such, or the lookup scans (PERFORMANCE.md).
      if (!/^\d{16}$/.test(args.nik as string)) throw new NotCompiled("NIK is not 16 digits");
      return [`${c}.nik = ${ctx.params.add(args.nik, "bpchar")}`, ...workerScope(c, ctx)];
    },
  },
};
