import { DataSource, EntityManager } from "typeorm";
import { Access, BadUserInputError, ConflictError } from "@sertakan/schema";
import { isUuid, requireUuid } from "../../graphql/ids";
import { refreshWorkerCoverage } from "../analytics/rollups";
import { writeAudit } from "../audit/audit.service";
import { regionCodeInScope } from "../auth/scope";
import type { Viewer } from "../auth/viewer";
import { keysetPage } from "../../graphql/keyset";
import { Page, checkPageSize } from "../../graphql/pagination";
import { DonorService } from "../donor/donor.service";
import { Payment } from "./payment.entity";
import { PaymentFilter, RecordPaymentInput } from "./payment.inputs";

// A receipt may be stamped by a clock slightly ahead of ours, not by tomorrow's.
const MAX_CLOCK_SKEW_MS = 10 * 60 * 1000;

export type Allocation = { months: number; amount: number };

/**
 * Pays the donor's DUE months oldest first from their unallocated money, in whole months,
 * in one statement however many months there are. Each payment's unspent money is a range
 * on one line laid out in payment order; each payable month is a range on another; their
 * overlaps are the allocations, so a month may draw on two payments. The caller holds the
 * donor's row lock, so no other transaction spends the same money.
 */
export const ALLOCATE_SQL = `
WITH pools AS (
  SELECT p.id, p.paid_at, p.created_at,
         p.amount - coalesce((SELECT sum(a.amount) FROM allocation a WHERE a.payment_id = p.id), 0) AS remaining
    FROM payment p
   WHERE p.donor_id = $1
), open_pools AS (
  SELECT id, paid_at, sum(remaining) OVER w - remaining AS lo, sum(remaining) OVER w AS hi
    FROM pools WHERE remaining > 0
  WINDOW w AS (ORDER BY paid_at, created_at, id)
), due AS (
  SELECT c.id, c.amount, sum(c.amount) OVER (ORDER BY c.month, s.seq) AS hi
    FROM contribution c JOIN sponsorship s ON s.id = c.sponsorship_id
   WHERE c.donor_id = $1 AND c.status = 'DUE' AND ($2::uuid[] IS NULL OR c.sponsorship_id = ANY($2::uuid[]))
), payable AS (
  -- Running totals only grow, so this is the longest affordable run of oldest months.
  SELECT id, hi - amount AS lo, hi FROM due WHERE hi <= (SELECT coalesce(max(hi), 0) FROM open_pools)
), split AS (
  SELECT pa.id AS contribution_id, op.id AS payment_id, op.paid_at, op.hi AS pool_hi,
         least(pa.hi, op.hi) - greatest(pa.lo, op.lo) AS amount
    FROM payable pa JOIN open_pools op ON op.lo < pa.hi AND op.hi > pa.lo
), allocated AS (
  INSERT INTO allocation (payment_id, contribution_id, amount)
  SELECT payment_id, contribution_id, amount FROM split
  RETURNING amount
), completing AS (
  SELECT DISTINCT ON (contribution_id) contribution_id, payment_id, paid_at
    FROM split ORDER BY contribution_id, pool_hi DESC
), paid AS (
  UPDATE contribution c SET status = 'PAID', payment_id = k.payment_id, paid_at = k.paid_at
    FROM completing k WHERE c.id = k.contribution_id
  RETURNING c.worker_id, c.month, c.amount
), rolled AS (
  -- The paid-month roll-up, in a fixed row order so concurrent payments never deadlock on it.
  INSERT INTO rollup_paid_month (month, village_code, occupation, paid, amount)
  SELECT p.month, w.village_code, w.occupation, count(*), sum(p.amount)
    FROM paid p JOIN worker w ON w.id = p.worker_id
   GROUP BY p.month, w.village_code, w.occupation
   ORDER BY p.month, w.village_code, w.occupation
  ON CONFLICT (month, village_code, occupation)
  DO UPDATE SET paid = rollup_paid_month.paid + EXCLUDED.paid, amount = rollup_paid_month.amount + EXCLUDED.amount
)
SELECT (SELECT count(*) FROM paid)::int AS months,
       (SELECT coalesce(sum(amount), 0) FROM allocated)::bigint AS amount,
       (SELECT coalesce(array_agg(DISTINCT worker_id), '{}') FROM paid) AS workers`;

/**
 * Pays DUE months from the donor's credit, then brings the workers whose months were paid
 * up to date (covered_through and their coverage runs). Call inside a transaction holding
 * the donor's row lock.
 */
export async function allocateCredit(
  m: EntityManager,
  donorId: string,
  sponsorshipIds: string[] | null = null,
): Promise<Allocation> {
  const [row] = await m.query(ALLOCATE_SQL, [donorId, sponsorshipIds]);
  await refreshWorkerCoverage(m, row.workers);
  return { months: row.months, amount: Number(row.amount) };
}

export class PaymentService {
  constructor(
    private readonly db: DataSource,
    private readonly donors: DonorService,
    private readonly now: () => Date,
  ) {}

  /** A payment is in scope when its donor is; outside it, it is answered as not found (null). */
  async get(access: Access, id: string): Promise<Payment | null> {
    const payment = isUuid(id) ? await this.db.getRepository(Payment).findOneBy({ id }) : null;
    return payment && (await this.donors.get(access, payment.donorId)) ? payment : null;
  }

  list(
    access: Access,
    filter: PaymentFilter | null | undefined,
    first?: number,
    after?: string | null,
  ): Promise<Page<Payment>> {
    const qb = this.db.getRepository(Payment).createQueryBuilder("p");
    // A payment is in scope when its donor is.
    const scope = regionCodeInScope(access, "d.region_code");
    if (scope)
      qb.andWhere(`p.donor_id IN (SELECT d.id FROM donor d WHERE ${scope.sql})`, scope.params);
    if (filter?.donorId)
      qb.andWhere("p.donor_id = :donor", { donor: requireUuid(filter.donorId, "donorId") });
    // Days are Jakarta days: a payment at 23:30 WIB belongs to that day, not the next.
    if (filter?.from)
      qb.andWhere("p.paid_at >= (:from::date)::timestamp AT TIME ZONE 'Asia/Jakarta'", {
        from: filter.from,
      });
    if (filter?.to)
      qb.andWhere("p.paid_at < ((:to::date) + 1)::timestamp AT TIME ZONE 'Asia/Jakarta'", {
        to: filter.to,
      });
    return keysetPage(qb, {
      first: checkPageSize(first),
      after,
      direction: "DESC",
      keys: [
        { column: "p.paid_at", value: (p) => p.paidAt },
        { column: "p.id", value: (p) => p.id },
      ],
    });
  }

  /** Takes the donor's row lock for the rest of the transaction: one money writer per donor. */
  async lockDonor(m: EntityManager, donorId: string): Promise<void> {
    await m.query(`SELECT id FROM donor WHERE id = $1 FOR UPDATE`, [donorId]);
  }

  /** Pays DUE months from the donor's credit; call inside a transaction holding lockDonor. */
  allocate(
    m: EntityManager,
    donorId: string,
    sponsorshipIds: string[] | null = null,
  ): Promise<Allocation> {
    return allocateCredit(m, donorId, sponsorshipIds);
  }

  async record(viewer: Viewer, input: RecordPaymentInput): Promise<Payment> {
    if (input.amount <= 0)
      throw new BadUserInputError(`amount must be more than Rp0, got Rp${input.amount}.`, "amount");
    if (input.paidAt.getTime() > this.now().getTime() + MAX_CLOCK_SKEW_MS) {
      throw new BadUserInputError(
        `paidAt ${input.paidAt.toISOString()} is in the future; record a payment once it is made.`,
        "paidAt",
      );
    }
    const reference = input.reference.trim();
    if (!reference)
      throw new BadUserInputError(
        "reference must not be blank: give the receipt or bank reference.",
        "reference",
      );
    await this.donors.requireWritable(viewer, input.donorId, "donorId");
    const sponsorshipIds = input.sponsorshipIds?.length ? [...new Set(input.sponsorshipIds)] : null;
    if (sponsorshipIds) {
      sponsorshipIds.forEach((id) => requireUuid(id, "sponsorshipIds"));
      const rows: { id: string }[] = await this.db.query(
        `SELECT id FROM sponsorship WHERE id = ANY($1::uuid[]) AND donor_id = $2`,
        [sponsorshipIds, input.donorId],
      );
      const mine = new Set(rows.map((r) => r.id));
      const foreign = sponsorshipIds.filter((id) => !mine.has(id));
      if (foreign.length)
        throw new BadUserInputError(
          `These sponsorships are not this donor's: ${foreign.join(", ")}.`,
          "sponsorshipIds",
        );
    }
    return this.db.transaction(async (m) => {
      await this.lockDonor(m, input.donorId);
      const existing = await m
        .getRepository(Payment)
        .findOneBy({ donorId: input.donorId, reference });
      if (existing) {
        // A retry of the same payment: answer as the first time and write nothing.
        if (existing.amount === input.amount) return existing;
        throw new ConflictError(
          `Reference ${reference} was already recorded for this donor with Rp${existing.amount.toLocaleString("id-ID")}, not Rp${input.amount.toLocaleString("id-ID")}. Use the bank's own reference for each transfer.`,
          "reference",
        );
      }
      const [{ id }] = await m.query(
        `INSERT INTO payment (donor_id, amount, paid_at, reference) VALUES ($1, $2, $3, $4) RETURNING id`,
        [input.donorId, input.amount, input.paidAt, reference],
      );
      const paid = await this.allocate(m, input.donorId, sponsorshipIds);
      await writeAudit(m, viewer, {
        action: "recordPayment",
        entity: "payment",
        entityId: id,
        changes: {
          donorId: input.donorId,
          amount: input.amount,
          reference,
          paidAt: input.paidAt.toISOString(),
          monthsPaid: paid.months,
          allocated: paid.amount,
        },
      });
      return m.getRepository(Payment).findOneByOrFail({ id });
    });
  }
}
