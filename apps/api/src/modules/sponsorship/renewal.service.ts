import { DataSource, EntityManager } from "typeorm";
import {
  BadUserInputError,
  MonthAlreadyCoveredError,
  ProgramPackage,
  RenewalPlan,
  assertCanWriteIn,
  canSeeRegion,
  checkRenewal,
  isoDateOf,
  planRenewal,
} from "@sertakan/schema";
import { notFound, requireUuid } from "../../graphql/ids";
import { writeAudit } from "../audit/audit.service";
import type { Viewer } from "../auth/viewer";
import { DonorService } from "../donor/donor.service";
import { PaymentService } from "../payment/payment.service";
import { Sponsorship } from "./sponsorship.entity";
import { PG_UNIQUE_VIOLATION, SponsorshipService, WorkerMonths } from "./sponsorship.service";
import { RenewSponsorshipsInput } from "./renewal.inputs";

const FIELD = "sponsorshipIds";

type Source = {
  id: string;
  donor_id: string;
  worker_id: string;
  package: ProgramPackage;
  declared_income: string;
  end_month: string;
  cancelled: boolean;
  village_code: string;
  full_name: string;
};

type Planned = { source: Source; plan: RenewalPlan };

/**
 * renewSponsorships: each sponsorship pledged again for the same donor, worker, package and
 * income, from the month after it ends, at today's price. It runs the sponsorWorkers path
 * (month check, contributions, credit, audit) for many donors at once, all or nothing.
 */
export class RenewalService {
  constructor(
    private readonly db: DataSource,
    private readonly sponsorships: SponsorshipService,
    private readonly donors: DonorService,
    private readonly payments: PaymentService,
    private readonly now: () => Date,
  ) {}

  async renew(viewer: Viewer, input: RenewSponsorshipsInput): Promise<Sponsorship[]> {
    checkRenewal(input);
    input.sponsorshipIds.forEach((id) => requireUuid(id, FIELD));
    const caller = `${viewer.kind}:${viewer.id}`;
    const key = input.idempotencyKey ?? null;
    // One clock reading decides both the months and the price table.
    const today = isoDateOf(this.now());
    const replay = key ? await this.replay(this.db.manager, caller, key) : null;
    if (replay) return replay;

    const sources = await this.load(this.db.manager, viewer, input.sponsorshipIds);
    const donorIds = [...new Set(sources.map((s) => s.donor_id))].sort();
    // As sponsorWorkers: the donor whose pledges change must be in the caller's scope.
    for (const id of donorIds) await this.donors.requireWritable(viewer, id, FIELD);
    const planned = sources.map((source) => ({
      source,
      plan: planRenewal(
        {
          package: source.package,
          declaredIncome: Number(source.declared_income),
          endMonth: source.end_month,
        },
        input.months,
        today,
      ),
    }));
    const wanted: WorkerMonths[] = planned.map(({ source, plan }) => ({
      workerId: source.worker_id,
      startMonth: plan.startMonth,
      endMonth: plan.endMonth,
    }));
    try {
      return await this.db.transaction(async (m) => {
        // In id order, so two renewals over the same donors never wait on each other in a circle.
        for (const id of donorIds) await this.payments.lockDonor(m, id);
        if (key) {
          const seen = await this.replay(m, caller, key);
          if (seen) return seen;
        }
        // A cancel takes the same donor lock; read again now that no cancel can slip in.
        const cancelled: { id: string }[] = await m.query(
          `SELECT id FROM sponsorship WHERE id = ANY($1::uuid[]) AND cancelled_at IS NOT NULL`,
          [input.sponsorshipIds],
        );
        if (cancelled.length) throw this.cancelledError(cancelled.map((c) => c.id));
        await this.sponsorships.assertMonthsFree(m, wanted, FIELD);
        const ids = await this.insert(m, planned, input.months);
        await this.sponsorships.createContributions(m, ids);
        if (key) {
          await m.query(
            `INSERT INTO renew_request (caller, idempotency_key, sponsorship_ids) VALUES ($1, $2, $3)`,
            [caller, key, ids],
          );
        }
        for (const donorId of donorIds) {
          // Credit the donor already has pays the new months at once.
          const paid = await this.payments.allocate(m, donorId);
          const mine = planned.filter((p) => p.source.donor_id === donorId);
          await writeAudit(m, viewer, {
            action: "renewSponsorships",
            entity: "donor",
            entityId: donorId,
            changes: {
              renewed: mine.map((p) => p.source.id),
              sponsorships: ids.filter((_, i) => planned[i].source.donor_id === donorId),
              months: input.months,
              monthly: mine.map((p) => p.plan.monthly),
              total: mine.reduce((sum, p) => sum + p.plan.total, 0),
              regulation: mine[0].plan.regulation,
              paidFromCredit: paid.months,
            },
          });
        }
        return this.sponsorships.inOrder(m, ids);
      });
    } catch (error) {
      const { code, constraint } = error as { code?: string; constraint?: string };
      if (code === PG_UNIQUE_VIOLATION && constraint === "renew_request_pkey" && key) {
        // The same call, retried while the first was still running: answer as the first.
        const seen = await this.replay(this.db.manager, caller, key);
        if (seen) return seen;
      }
      if (code === PG_UNIQUE_VIOLATION && constraint === "contribution_worker_month_key") {
        // Another pledge won the race for one of these worker-months; name what it took.
        await this.sponsorships.assertMonthsFree(this.db.manager, wanted, FIELD);
        throw new MonthAlreadyCoveredError(
          "Another pledge covered some of these workers for these months at the same moment. Reload and try again.",
          FIELD,
        );
      }
      throw error;
    }
  }

  private async replay(
    m: EntityManager,
    caller: string,
    key: string,
  ): Promise<Sponsorship[] | null> {
    const [seen] = await m.query(
      `SELECT sponsorship_ids FROM renew_request WHERE caller = $1 AND idempotency_key = $2`,
      [caller, key],
    );
    return seen ? this.sponsorships.inOrder(m, seen.sponsorship_ids) : null;
  }

  /** The sponsorships named, in order; one outside the caller's scope is answered as not found. */
  private async load(m: EntityManager, viewer: Viewer, ids: string[]): Promise<Source[]> {
    const rows: Source[] = await m.query(
      `SELECT s.id, s.donor_id, s.worker_id, s.package, s.declared_income,
              to_char(s.end_month, 'YYYY-MM') AS end_month, s.cancelled_at IS NOT NULL AS cancelled,
              w.village_code, w.full_name
         FROM sponsorship s JOIN worker w ON w.id = s.worker_id
        WHERE s.id = ANY($1::uuid[])`,
      [ids],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    const missing = ids.find(
      (id) => !byId.has(id) || !canSeeRegion(viewer, byId.get(id)!.village_code),
    );
    if (missing) throw notFound("sponsorship", missing, FIELD);
    const sources = ids.map((id) => byId.get(id)!);
    for (const s of sources) assertCanWriteIn(viewer, s.village_code, "sponsorship", FIELD);
    const cancelled = sources.filter((s) => s.cancelled).map((s) => s.id);
    if (cancelled.length) throw this.cancelledError(cancelled);
    const seen = new Map<string, Source>();
    for (const s of sources) {
      const other = seen.get(s.worker_id);
      if (other) {
        throw new BadUserInputError(
          `Sponsorships ${other.id} and ${s.id} both cover ${s.full_name}; renew one of them.`,
          FIELD,
        );
      }
      seen.set(s.worker_id, s);
    }
    return sources;
  }

  private cancelledError(ids: string[]): BadUserInputError {
    return new BadUserInputError(
      `A cancelled sponsorship cannot be renewed: ${ids.slice(0, 10).join(", ")}${ids.length > 10 ? ` and ${ids.length - 10} more` : ""}. Pledge the worker again instead.`,
      FIELD,
    );
  }

  private async insert(m: EntityManager, planned: Planned[], months: number): Promise<string[]> {
    const created: { id: string }[] = await m.query(
      `INSERT INTO sponsorship (donor_id, worker_id, package, declared_income, monthly_amount, start_month, months, end_month)
       SELECT r.donor_id, r.worker_id, r.package, r.declared_income, r.monthly, r.start_month, $7, r.end_month
         FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::bigint[], $5::bigint[], $6::date[], $8::date[])
              WITH ORDINALITY AS r(donor_id, worker_id, package, declared_income, monthly, start_month, end_month, n)
        ORDER BY r.n
       RETURNING id`,
      [
        planned.map((p) => p.source.donor_id),
        planned.map((p) => p.source.worker_id),
        planned.map((p) => p.plan.package),
        planned.map((p) => p.plan.declaredIncome),
        planned.map((p) => p.plan.monthly),
        planned.map((p) => `${p.plan.startMonth}-01`),
        months,
        planned.map((p) => `${p.plan.endMonth}-01`),
      ],
    );
    return created.map((r) => r.id);
  }
}
