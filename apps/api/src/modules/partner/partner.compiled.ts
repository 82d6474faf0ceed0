import { isRegionCode } from "@sertakan/schema";
import type { Catalog, Ctx, ListSpec, TypeSpec } from "../../compiled-reads/catalog";
import { NotCompiled } from "../../compiled-reads/selection";
import { isoDate, isoTimestamp } from "../../compiled-reads/sql";
import { isUuid } from "../../graphql/ids";
import { regionCodeInsideSql } from "../auth/scope";
import { escapeLike } from "../region/region.service";
import { WorkerList, workerScope } from "../worker/worker.compiled";

// Partners and engagements as the compiled reads (compiled-reads/) answer them: the same rows,
// order and scope as PartnerResolver, PartnerService and the partner loaders.

/** Rows whose any-level `region_code` is region `code` or lies below it. */
const regionCodeInside = (column: string, code: string, ctx: Ctx) =>
  regionCodeInsideSql(column, code, (value, cast) => ctx.params.add(value, cast));

/** Partners (alias `p`) inside the caller's scope, as canSeeRegion and regionCodeInScope. */
export function partnerScope(p: string, ctx: Ctx): string[] {
  const scope = ctx.access.regionScope;
  return scope === null ? [] : [regionCodeInside(`${p}.region_code`, scope, ctx)];
}

/**
 * Partner.recruitedWorkers: the caller's workers this partner recruited, newest first, as the
 * `workers` list. The general path's first page counts the whole list and says
 * `hasNextPage: total > rows`, which is the keyset's "one more than asked" on the same rows.
 */
const RecruitedWorkers: ListSpec = {
  type: "Worker",
  conditions: (c, ctx) => workerScope(c, ctx),
  order: () => WorkerList.order({}),
};

export const PartnerType: TypeSpec = {
  table: "partner",
  key: "id",
  fields: {
    id: { leaf: (t) => `${t}.id` },
    kind: { leaf: (t) => `${t}.kind` },
    name: { leaf: (t) => `${t}.name` },
    // Partner contact details are not personal data: not masked for VIEWER.
    address: { leaf: (t) => `${t}.address` },
    phone: { leaf: (t) => `${t}.phone` },
    email: { leaf: (t) => `${t}.email` },
    agreementNumber: { leaf: (t) => `${t}.agreement_number` },
    agreementStart: { leaf: (t) => isoDate(`${t}.agreement_start`) },
    agreementEnd: { leaf: (t) => isoDate(`${t}.agreement_end`) },
    active: { leaf: (t) => `${t}.active` },
    createdAt: { leaf: (t) => isoTimestamp(`${t}.created_at`) },
    region: {
      one: "Region",
      join: (p, c) => `LEFT JOIN region ${c} ON ${c}.code = ${p}.region_code`,
    },
    // donor.partner_id is unique: at most one row, so the join never repeats a partner.
    donor: {
      one: "Donor",
      nullable: true,
      join: (p, c) => `LEFT JOIN donor ${c} ON ${c}.partner_id = ${p}.id`,
    },
    engagements: {
      many: "Engagement",
      where: (p, c) => `${c}.partner_id = ${p}.id`,
      // As engagementsByPartner: mixed directions, the index engagement_partner_idx's.
      order: (c) => `${c}.date DESC, ${c}.id ASC`,
    },
    recruitedWorkers: {
      connection: RecruitedWorkers,
      where: (p, c) => `${c}.recruited_by_id = ${p}.id`,
    },
  },
};

export const EngagementType: TypeSpec = {
  table: "engagement",
  key: "id",
  fields: {
    id: { leaf: (t) => `${t}.id` },
    kind: { leaf: (t) => `${t}.kind` },
    date: { leaf: (t) => isoDate(`${t}.date`) },
    notes: { leaf: (t) => `${t}.notes` },
    attendees: { leaf: (t) => `${t}.attendees` },
    // No scope: as partnerById.
    partner: {
      one: "Partner",
      join: (p, c) => `LEFT JOIN partner ${c} ON ${c}.id = ${p}.partner_id`,
    },
  },
};

type Filter = {
  search?: string | null;
  kind?: string[] | null;
  regionCode?: string | null;
  active?: boolean | null;
};

/** The filters of PartnerService.list, in SQL with numbered parameters. */
function partnerFilter(p: string, ctx: Ctx, filter: Filter | null | undefined): string[] {
  const out = partnerScope(p, ctx);
  const add = ctx.params.add.bind(ctx.params);
  const search = filter?.search?.trim();
  if (search) out.push(`${p}.name ILIKE ${add(`%${escapeLike(search)}%`, "text")}`);
  if (filter?.kind?.length) out.push(`${p}.kind = ANY(${add(filter.kind, "text[]")})`);
  if (filter?.regionCode) {
    if (!isRegionCode(filter.regionCode)) throw new NotCompiled("regionCode is not a region code");
    out.push(regionCodeInside(`${p}.region_code`, filter.regionCode, ctx));
  }
  if (filter?.active != null) out.push(`${p}.active = ${add(filter.active, "boolean")}`);
  return out;
}

export const PartnerList: ListSpec = {
  type: "Partner",
  conditions: (c, ctx, args) => partnerFilter(c, ctx, args.filter as Filter | undefined),
  // Always by name, then id (partner_name_idx); no orderBy argument.
  order: () => ({
    keys: [
      { sql: (c) => `${c}.name`, cursor: (c) => `${c}.name`, cast: "text" },
      { sql: (c) => `${c}.id`, cursor: (c) => `${c}.id`, cast: "uuid" },
    ],
    direction: "ASC",
  }),
};

export const partnerRoots: Catalog["roots"] = {
  partners: { connection: PartnerList },
  partner: {
    single: "Partner",
    // A malformed id is answered null, as PartnerService.get does. Asked as `false`, not by
    // returning null: the selection's own parameters must still appear in the statement.
    conditions: (c, ctx, args) =>
      isUuid(args.id as string)
        ? [`${c}.id = ${ctx.params.add(args.id, "uuid")}`, ...partnerScope(c, ctx)]
        : ["false"],
  },
};
