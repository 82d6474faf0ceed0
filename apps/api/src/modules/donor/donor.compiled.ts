import { DonorKind, donorTotalsSql, donorWorkersActiveSql, isRegionCode } from "@sertakan/schema";
import type { Catalog, Ctx, ListSpec, TypeSpec } from "../../compiled-reads/catalog";
import { NotCompiled } from "../../compiled-reads/selection";
import { isoTimestamp } from "../../compiled-reads/sql";
import { isUuid } from "../../graphql/ids";
import { regionCodeInsideSql } from "../auth/scope";
import { escapeLike } from "../region/region.service";
import { DonorSponsorshipList } from "../sponsorship/sponsorship.compiled";

// Donors as the compiled reads (compiled-reads/) answer them: the same rows, order and scope
// as DonorResolver, DonorService and the loaders. Nothing on a donor is masked in GraphQL.
// Donor.reminders is left to the general path (its type is not declared).

/** `column` (a region code of any level) is region `code` or lies below it. */
const regionInside = (column: string, code: string, ctx: Ctx) =>
  regionCodeInsideSql(column, code, (value, cast) => ctx.params.add(value, cast));

/** Donors (alias `d`) inside the caller's scope: a donor above it is outside. */
export function donorScope(d: string, ctx: Ctx): string[] {
  const scope = ctx.access.regionScope;
  return scope === null ? [] : [regionInside(`${d}.region_code`, scope, ctx)];
}

export const DonorType: TypeSpec = {
  table: "donor",
  key: "id",
  fields: {
    id: { leaf: (t) => `${t}.id` },
    kind: { leaf: (t) => `${t}.kind` },
    name: { leaf: (t) => `${t}.name` },
    taxId: { leaf: (t) => `${t}.tax_id` },
    contactName: { leaf: (t) => `${t}.contact_name` },
    phone: { leaf: (t) => `${t}.phone` },
    email: { leaf: (t) => `${t}.email` },
    accountNumber: { leaf: (t) => `${t}.account_number` },
    createdAt: { leaf: (t) => isoTimestamp(`${t}.created_at`) },
    // Neither the region nor the linked partner is checked against the caller's scope.
    region: {
      one: "Region",
      join: (p, c) => `LEFT JOIN region ${c} ON ${c}.code = ${p}.region_code`,
    },
    partner: {
      one: "Partner",
      nullable: true,
      join: (p, c) => `LEFT JOIN partner ${c} ON ${c}.id = ${p}.partner_id`,
    },
    sponsorships: {
      connection: DonorSponsorshipList,
      where: (p, c) => `${c}.donor_id = ${p}.id`,
    },
    // The summary row only carries the donor's id; each figure is read when asked.
    summary: {
      one: "DonorSummary",
      join: (p, c) => `LEFT JOIN LATERAL (SELECT ${p}.id AS donor_id) ${c} ON true`,
    },
  },
};

/** The donor's running totals, one row joined for every donor-wide figure asked. */
const TOTALS = {
  name: "totals",
  join: (t: string, j: string) => `LEFT JOIN donor_totals ${j} ON ${j}.donor_id = ${t}.donor_id`,
};

const total =
  (name: keyof ReturnType<typeof donorTotalsSql>) =>
  (_t: string, _ctx: Ctx, _args: unknown, j: string): string =>
    donorTotalsSql(j)[name];

/** DonorSummary over the row `t` (its donor_id), donor-wide whatever the caller's scope. */
export const DonorSummaryType: TypeSpec = {
  table: "donor",
  key: "donor_id",
  fields: {
    workersSponsored: { shared: TOTALS, leaf: total("workersSponsored") },
    workersActive: { leaf: (t, ctx) => donorWorkersActiveSql(`${t}.donor_id`, ctx.currentMonth()) },
    committed: { shared: TOTALS, leaf: total("committed") },
    paid: { shared: TOTALS, leaf: total("paid") },
    outstanding: { shared: TOTALS, leaf: total("outstanding") },
    credit: { shared: TOTALS, leaf: total("credit") },
  },
};

type Filter = { search?: string | null; kind?: DonorKind[] | null; regionCode?: string | null };

/** The conditions of DonorService.list, in SQL with numbered parameters. */
function donorFilter(d: string, ctx: Ctx, filter: Filter | null | undefined): string[] {
  const out = donorScope(d, ctx);
  const search = filter?.search?.trim();
  if (search) out.push(`${d}.name ILIKE ${ctx.params.add(`%${escapeLike(search)}%`, "text")}`);
  if (filter?.kind?.length) out.push(`${d}.kind = ANY(${ctx.params.add(filter.kind, "text[]")})`);
  if (filter?.regionCode) {
    if (!isRegionCode(filter.regionCode)) throw new NotCompiled("regionCode is not a region code");
    out.push(regionInside(`${d}.region_code`, filter.regionCode, ctx));
  }
  return out;
}

export const DonorList: ListSpec = {
  type: "Donor",
  conditions: (c, ctx, args) => donorFilter(c, ctx, args.filter as Filter | undefined),
  // By name, the id breaking ties (index donor_name_idx); the order is the database's collation.
  order: () => ({
    keys: [
      { sql: (c) => `${c}.name`, cursor: (c) => `${c}.name`, cast: "text" },
      { sql: (c) => `${c}.id`, cursor: (c) => `${c}.id`, cast: "uuid" },
    ],
    direction: "ASC",
  }),
};

export const donorRoots: Catalog["roots"] = {
  donors: { connection: DonorList },
  donor: {
    single: "Donor",
    conditions: (c, ctx, args) => {
      if (!isUuid(args.id as string)) throw new NotCompiled("donor id is not a UUID");
      return [`${c}.id = ${ctx.params.add(args.id, "uuid")}`, ...donorScope(c, ctx)];
    },
  },
};
