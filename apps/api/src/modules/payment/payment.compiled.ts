import { paymentAllocationSql } from "@sertakan/schema";
import type { Catalog, Ctx, ListSpec, TypeSpec } from "../../compiled-reads/catalog";
import { isoTimestamp } from "../../compiled-reads/sql";
import { requireUuid } from "../../graphql/ids";
import { donorScope } from "../donor/donor.compiled";

// Payments as the compiled reads (compiled-reads/) answer them: the same rows, order and
// scope as PaymentResolver, PaymentService.list and the loaders. A payment is in scope when
// its donor is; there is no root payment(id).

export const PaymentType: TypeSpec = {
  table: "payment",
  key: "id",
  fields: {
    id: { leaf: (t) => `${t}.id` },
    donor: { one: "Donor", join: (p, c) => `LEFT JOIN donor ${c} ON ${c}.id = ${p}.donor_id` },
    amount: { leaf: (t) => `${t}.amount` },
    paidAt: { leaf: (t) => isoTimestamp(`${t}.paid_at`) },
    reference: { leaf: (t) => `${t}.reference` },
    allocated: { leaf: (t) => paymentAllocationSql(t).allocated },
    unallocated: { leaf: (t) => paymentAllocationSql(t).unallocated },
    // Every month its money went to, shared ones too, of any worker (contributionsByPayment).
    contributions: {
      many: "Contribution",
      where: (p, c) =>
        `${c}.id IN (SELECT pa.contribution_id FROM allocation pa WHERE pa.payment_id = ${p}.id)`,
      order: (c) => `${c}.month, ${c}.id`,
    },
  },
};

type Filter = { donorId?: string | null; from?: string | null; to?: string | null };

/** The conditions of PaymentService.list, in SQL with numbered parameters. */
function paymentFilter(p: string, ctx: Ctx, filter: Filter | null | undefined): string[] {
  const out: string[] = [];
  const add = ctx.params.add.bind(ctx.params);
  const scope = donorScope("pd", ctx);
  if (scope.length)
    out.push(`${p}.donor_id IN (SELECT pd.id FROM donor pd WHERE ${scope.join(" AND ")})`);
  if (filter?.donorId)
    out.push(`${p}.donor_id = ${add(requireUuid(filter.donorId, "donorId"), "uuid")}`);
  // Days are Jakarta days, both bounds included.
  if (filter?.from)
    out.push(
      `${p}.paid_at >= (${add(filter.from, "date")})::timestamp AT TIME ZONE 'Asia/Jakarta'`,
    );
  if (filter?.to)
    out.push(
      `${p}.paid_at < ((${add(filter.to, "date")}) + 1)::timestamp AT TIME ZONE 'Asia/Jakarta'`,
    );
  return out;
}

export const PaymentList: ListSpec = {
  type: "Payment",
  conditions: (c, ctx, args) => paymentFilter(c, ctx, args.filter as Filter | undefined),
  order: () => ({
    keys: [
      {
        sql: (c) => `${c}.paid_at`,
        cursor: (c) => isoTimestamp(`${c}.paid_at`),
        cast: "timestamptz",
      },
      { sql: (c) => `${c}.id`, cursor: (c) => `${c}.id`, cast: "uuid" },
    ],
    direction: "DESC",
  }),
};

export const paymentRoots: Catalog["roots"] = {
  payments: { connection: PaymentList },
};
