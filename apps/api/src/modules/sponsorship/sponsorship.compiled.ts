import {
  BadUserInputError,
  SponsorshipStatus,
  addMonths,
  contributionFiguresSql,
  currentYearMonth,
  regionLevelOf,
  sponsorshipStatusCaseSql,
} from "@sertakan/schema";
import type { Catalog, Ctx, ListSpec, OrderKey, TypeSpec } from "../../compiled-reads/catalog";
import { NotCompiled } from "../../compiled-reads/selection";
import { isoTimestamp, yearMonth } from "../../compiled-reads/sql";
import { isUuid, requireUuid } from "../../graphql/ids";
import { WORKER_REGION_COLUMN } from "../auth/scope";
import { workerScope } from "../worker/worker.compiled";
import { sponsorshipStatusSql } from "./sponsorship-status.sql";

// Sponsorships and their months as the compiled reads (compiled-reads/) answer them: the
// same rows, order, scope and figures as SponsorshipResolver, SponsorshipService.list and
// the loaders. A sponsorship is in scope when its worker is; its donor is shown whatever
// the donor's own scope (as donorById does).

/** Sponsorships (alias `s`) whose worker is inside the caller's scope. */
function sponsorshipScope(s: string, ctx: Ctx): string[] {
  const inScope = workerScope("sw", ctx);
  return inScope.length
    ? [`${s}.worker_id IN (SELECT sw.id FROM worker sw WHERE ${inScope.join(" AND ")})`]
    : [];
}

/**
 * A sponsorship's month figures (sponsorshipProgress), computed once per sponsorship for
 * status, total and paid together: one pass over its months, however many are asked.
 */
const MONTHS = {
  name: "months",
  join: (t: string, j: string) => {
    const f = contributionFiguresSql("sc");
    return `LEFT JOIN LATERAL (SELECT ${f.liveMonths} AS live_months, ${f.paidMonths} AS paid_months,
        ${f.total} AS total, ${f.paid} AS paid FROM contribution sc WHERE sc.sponsorship_id = ${t}.id) ${j} ON true`;
  },
};

export const SponsorshipType: TypeSpec = {
  table: "sponsorship",
  key: "id",
  fields: {
    id: { leaf: (t) => `${t}.id` },
    donor: { one: "Donor", join: (p, c) => `LEFT JOIN donor ${c} ON ${c}.id = ${p}.donor_id` },
    worker: { one: "Worker", join: (p, c) => `LEFT JOIN worker ${c} ON ${c}.id = ${p}.worker_id` },
    package: { leaf: (t) => `${t}.package` },
    declaredIncome: { leaf: (t) => `${t}.declared_income` },
    monthlyContribution: { leaf: (t) => `${t}.monthly_amount` },
    startMonth: { leaf: (t) => yearMonth(`${t}.start_month`) },
    endMonth: { leaf: (t) => yearMonth(`${t}.end_month`) },
    months: { leaf: (t) => `${t}.months` },
    status: {
      shared: MONTHS,
      leaf: (t, ctx, _args, j) =>
        sponsorshipStatusCaseSql(
          {
            cancelled: `${t}.cancelled_at IS NOT NULL`,
            months: `${j}.live_months`,
            paidMonths: `${j}.paid_months`,
            endMonth: `${t}.end_month`,
          },
          ctx.currentMonth(),
        ),
    },
    total: { shared: MONTHS, leaf: (_t, _ctx, _args, j) => `${j}.total` },
    paid: { shared: MONTHS, leaf: (_t, _ctx, _args, j) => `${j}.paid` },
    // Every month, cancelled ones too, in month order (contributionsOf).
    contributions: {
      many: "Contribution",
      where: (p, c) => `${c}.sponsorship_id = ${p}.id`,
      order: (c) => `${c}.month`,
    },
    cancelReason: { leaf: (t) => `${t}.cancel_reason` },
    createdAt: { leaf: (t) => isoTimestamp(`${t}.created_at`) },
  },
};

export const ContributionType: TypeSpec = {
  table: "contribution",
  key: "id",
  fields: {
    id: { leaf: (t) => `${t}.id` },
    month: { leaf: (t) => yearMonth(`${t}.month`) },
    amount: { leaf: (t) => `${t}.amount` },
    status: { leaf: (t) => `${t}.status` },
    // The payment that completed the month; set exactly when it is PAID.
    payment: {
      one: "Payment",
      nullable: true,
      join: (p, c) => `LEFT JOIN payment ${c} ON ${c}.id = ${p}.payment_id`,
    },
  },
};

/** Newest pledges first, as the list and Donor.sponsorships' first pages order them. */
const NEWEST_FIRST: { keys: OrderKey[]; direction: "DESC" } = {
  keys: [
    {
      sql: (c) => `${c}.created_at`,
      cursor: (c) => isoTimestamp(`${c}.created_at`),
      cast: "timestamptz",
    },
    { sql: (c) => `${c}.id`, cursor: (c) => `${c}.id`, cast: "uuid" },
  ],
  direction: "DESC",
};

/** ACTIVE and COMPLETED depend on the current month; PLEDGED and CANCELLED do not. */
const readsMonth = (statuses: readonly SponsorshipStatus[]) =>
  statuses.some((x) => x === SponsorshipStatus.ACTIVE || x === SponsorshipStatus.COMPLETED);

type Filter = {
  donorId?: string | null;
  workerId?: string | null;
  regionCode?: string | null;
  status?: SponsorshipStatus[] | null;
  endingWithinMonths?: number | null;
  renewed?: boolean | null;
};

/** The conditions of SponsorshipService.list, in SQL with numbered parameters. */
function sponsorshipFilter(s: string, ctx: Ctx, filter: Filter | null | undefined): string[] {
  const out = sponsorshipScope(s, ctx);
  const add = ctx.params.add.bind(ctx.params);
  if (filter?.donorId)
    out.push(`${s}.donor_id = ${add(requireUuid(filter.donorId, "donorId"), "uuid")}`);
  if (filter?.workerId)
    out.push(`${s}.worker_id = ${add(requireUuid(filter.workerId, "workerId"), "uuid")}`);
  if (filter?.regionCode) {
    const column = WORKER_REGION_COLUMN[regionLevelOf(filter.regionCode)];
    out.push(
      `${s}.worker_id IN (SELECT sr.id FROM worker sr WHERE sr.${column} = ${add(filter.regionCode, "varchar")})`,
    );
  }
  if (filter?.status?.length)
    // The month only when a status reads it: a parameter the statement never uses has no type.
    out.push(
      sponsorshipStatusSql(
        filter.status,
        s,
        readsMonth(filter.status) ? ctx.currentMonth() : "NULL",
      ),
    );
  if (filter?.endingWithinMonths != null) {
    const n = filter.endingWithinMonths;
    if (!Number.isInteger(n) || n < 0 || n > 24)
      throw new BadUserInputError(
        `endingWithinMonths must be a whole number from 0 to 24, got ${n}.`,
        "endingWithinMonths",
      );
    const until = add(`${addMonths(currentYearMonth(ctx.now), n)}-01`, "date");
    out.push(
      `${s}.cancelled_at IS NULL AND ${s}.end_month BETWEEN ${ctx.currentMonth()} AND ${until}`,
    );
  }
  if (filter?.renewed != null)
    out.push(
      `${filter.renewed ? "" : "NOT "}EXISTS (SELECT 1 FROM contribution rc WHERE rc.worker_id = ${s}.worker_id
         AND rc.month = (${s}.end_month + interval '1 month')::date AND rc.status <> 'CANCELLED')`,
    );
  return out;
}

export const SponsorshipList: ListSpec = {
  type: "Sponsorship",
  conditions: (c, ctx, args) => sponsorshipFilter(c, ctx, args.filter as Filter | undefined),
  order: () => NEWEST_FIRST,
};

/**
 * Donor.sponsorships(status, first, after): the list narrowed to the donor and statuses, in
 * the caller's worker scope (the parent condition adds the donor). Its batched first pages
 * and its later pages are the same rows.
 */
export const DonorSponsorshipList: ListSpec = {
  type: "Sponsorship",
  conditions: (c, ctx, args) =>
    sponsorshipFilter(c, ctx, { status: args.status as SponsorshipStatus[] | null | undefined }),
  order: () => NEWEST_FIRST,
};

export const sponsorshipRoots: Catalog["roots"] = {
  sponsorships: { connection: SponsorshipList },
  sponsorship: {
    single: "Sponsorship",
    conditions: (c, ctx, args) => {
      if (!isUuid(args.id as string)) throw new NotCompiled("sponsorship id is not a UUID");
      return [`${c}.id = ${ctx.params.add(args.id, "uuid")}`, ...sponsorshipScope(c, ctx)];
    },
  },
};
