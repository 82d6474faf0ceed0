import { DataSource, EntityManager, In } from "typeorm";
import {
  Access,
  BadUserInputError,
  assertCanWriteIn,
  canSeeRegion,
  MonthAlreadyCoveredError,
  SponsorshipStatus,
  addMonths,
  checkPledge,
  currentYearMonth,
  endMonthOf,
  isoDateOf,
  priceContribution,
  regionLevelOf,
} from "@sertakan/schema";
import { isUuid, notFound, requireUuid } from "../../graphql/ids";
import { keysetPage } from "../../graphql/keyset";
import { Page, checkPageSize, encodeCursor } from "../../graphql/pagination";
import { DonorService } from "../donor/donor.service";
import { PaymentService } from "../payment/payment.service";
import { WORKER_REGION_COLUMN, workerInScope, workerInScopeRaw } from "../auth/scope";
import type { Viewer } from "../auth/viewer";
import { writeAudit } from "../audit/audit.service";
import { Contribution, Sponsorship } from "./sponsorship.entity";
import { SponsorWorkersInput, SponsorshipFilter } from "./sponsorship.inputs";
import { sponsorshipStatusSql } from "./sponsorship-status.sql";

export const PG_UNIQUE_VIOLATION = "23505";
const MAX_NAMED_CONFLICTS = 10;

/** The months one worker is about to be pledged, first and last. */
export type WorkerMonths = { workerId: string; startMonth: string; endMonth: string };

export class SponsorshipService {
  constructor(
    private readonly db: DataSource,
    private readonly donors: DonorService,
    private readonly payments: PaymentService,
    private readonly now: () => Date,
  ) {}

  currentMonth(): string {
    return currentYearMonth(this.now());
  }

  /** A sponsorship is in scope when its worker is; outside it, it is answered as not found. */
  async get(access: Access, id: string): Promise<Sponsorship | null> {
    if (!isUuid(id)) return null;
    const sponsorship = await this.db.getRepository(Sponsorship).findOneBy({ id });
    if (!sponsorship) return null;
    const [worker] = await this.db.query(`SELECT village_code FROM worker WHERE id = $1`, [
      sponsorship.workerId,
    ]);
    return canSeeRegion(access, worker.village_code) ? sponsorship : null;
  }

  list(
    access: Access,
    filter: SponsorshipFilter | null | undefined,
    first?: number,
    after?: string | null,
  ): Promise<Page<Sponsorship>> {
    const qb = this.db.getRepository(Sponsorship).createQueryBuilder("s");
    const scope = workerInScope(access, "sw");
    if (scope)
      qb.andWhere(`s.worker_id IN (SELECT sw.id FROM worker sw WHERE ${scope.sql})`, scope.params);
    const current = `${this.currentMonth()}-01`;
    if (filter?.donorId)
      qb.andWhere("s.donor_id = :donor", { donor: requireUuid(filter.donorId, "donorId") });
    if (filter?.workerId)
      qb.andWhere("s.worker_id = :worker", { worker: requireUuid(filter.workerId, "workerId") });
    if (filter?.regionCode) {
      const column = `w.${WORKER_REGION_COLUMN[regionLevelOf(filter.regionCode)]}`;
      qb.andWhere(`s.worker_id IN (SELECT w.id FROM worker w WHERE ${column} = :region)`, {
        region: filter.regionCode,
      });
    }
    if (filter?.status?.length) {
      qb.andWhere(sponsorshipStatusSql(filter.status, "s", ":current::date"), { current });
    }
    if (filter?.endingWithinMonths != null) {
      const n = filter.endingWithinMonths;
      if (!Number.isInteger(n) || n < 0 || n > 24) {
        throw new BadUserInputError(
          `endingWithinMonths must be a whole number from 0 to 24, got ${n}.`,
          "endingWithinMonths",
        );
      }
      // "Expiring soon": still running, last month between now and n months ahead.
      qb.andWhere(
        "s.cancelled_at IS NULL AND s.end_month BETWEEN :current::date AND :until::date",
        {
          current,
          until: `${addMonths(this.currentMonth(), n)}-01`,
        },
      );
    }
    if (filter?.renewed != null) {
      // Renewed: the month after the last one is pledged (by anyone) and not cancelled; the
      // partial unique index on contribution (worker_id, month) answers it.
      qb.andWhere(
        `${filter.renewed ? "" : "NOT "}EXISTS (SELECT 1 FROM contribution rc WHERE rc.worker_id = s.worker_id
           AND rc.month = (s.end_month + interval '1 month')::date AND rc.status <> 'CANCELLED')`,
      );
    }
    return keysetPage(qb, {
      first: checkPageSize(first),
      after,
      direction: "DESC",
      keys: [
        { column: "s.created_at", value: (s) => s.createdAt },
        { column: "s.id", value: (s) => s.id },
      ],
    });
  }

  /** Donor.sponsorships, first pages for many donors in one statement. */
  async firstPagesByDonor(
    access: Access,
    donorIds: readonly string[],
    statuses: readonly SponsorshipStatus[],
    first: number,
  ) {
    const ids = [...new Set(donorIds)];
    const params: unknown[] = [ids, first];
    const conditions: string[] = [];
    if (statuses.length) {
      // Only ACTIVE and COMPLETED read the month: a parameter no condition reads has no type,
      // and PostgreSQL refused the statement (a first page of CANCELLED sponsorships failed).
      const readsMonth = statuses.some(
        (x) => x === SponsorshipStatus.ACTIVE || x === SponsorshipStatus.COMPLETED,
      );
      if (readsMonth) params.push(`${this.currentMonth()}-01`);
      conditions.push(
        sponsorshipStatusSql(statuses, "s", readsMonth ? `$${params.length}::date` : "NULL"),
      );
    }
    const scope = workerInScopeRaw(access, "sw", params.length + 1);
    if (scope.value !== null) {
      params.push(scope.value);
      conditions.push(`s.worker_id IN (SELECT sw.id FROM worker sw WHERE ${scope.sql})`);
    }
    const where = conditions.length ? conditions.join(" AND ") : "true";
    const rows: { donor_id: string; id: string | null; total: string }[] = await this.db.query(
      `SELECT d.id AS donor_id, page.id, c.total
         FROM unnest($1::uuid[]) AS d(id)
         CROSS JOIN LATERAL (SELECT count(*) AS total FROM sponsorship s WHERE s.donor_id = d.id AND ${where}) c
         LEFT JOIN LATERAL (SELECT s.id, s.created_at FROM sponsorship s WHERE s.donor_id = d.id AND ${where}
                             ORDER BY s.created_at DESC, s.id DESC LIMIT $2) page ON true
        ORDER BY d.id, page.created_at DESC, page.id DESC`,
      params,
    );
    const found = await this.byIds(rows.flatMap((r) => (r.id ? [r.id] : [])));
    const result = new Map<string, { rows: Sponsorship[]; total: number }>();
    for (const r of rows) {
      const entry = result.get(r.donor_id) ?? { rows: [], total: Number(r.total) };
      if (r.id) entry.rows.push(found.get(r.id)!);
      result.set(r.donor_id, entry);
    }
    return result;
  }

  /** A first page assembled by a loader, shaped like the list's pages. */
  pageOf(rows: Sponsorship[], total: number): Page<Sponsorship> {
    return {
      nodes: rows,
      hasNextPage: total > rows.length,
      hadCursor: false,
      // The list's newest-first key, so `after` continues where this page ends.
      cursorOf: (s) => encodeCursor([s.createdAt.toISOString(), s.id]),
      count: async () => total,
    };
  }

  async byIds(ids: string[]): Promise<Map<string, Sponsorship>> {
    const rows = ids.length ? await this.db.getRepository(Sponsorship).findBy({ id: In(ids) }) : [];
    return new Map(rows.map((s) => [s.id, s]));
  }

  /**
   * One donor pledges the same months for several workers: all or nothing. The partial
   * unique index on (worker_id, month) is the final word when two pledges race.
   */
  async sponsor(viewer: Viewer, input: SponsorWorkersInput): Promise<Sponsorship[]> {
    const current = this.currentMonth();
    checkPledge(
      { startMonth: input.startMonth, months: input.months, workerIds: input.workerIds },
      current,
    );
    input.workerIds.forEach((id) => requireUuid(id, "workerIds"));
    await this.donors.requireWritable(viewer, input.donorId, "donorId");
    const price = priceContribution(
      input.package,
      input.declaredIncome ?? undefined,
      isoDateOf(this.now()),
    );
    const endMonth = endMonthOf(input.startMonth, input.months);
    try {
      return await this.db.transaction(async (m) => {
        await this.payments.lockDonor(m, input.donorId);
        if (input.idempotencyKey) {
          const [seen] = await m.query(
            `SELECT sponsorship_ids FROM sponsor_request WHERE donor_id = $1 AND idempotency_key = $2`,
            [input.donorId, input.idempotencyKey],
          );
          if (seen) return this.inOrder(m, seen.sponsorship_ids);
        }
        await this.assertWorkersWritable(m, viewer, input.workerIds);
        await this.assertMonthsFree(
          m,
          this.sameMonths(input.workerIds, input.startMonth, endMonth),
        );
        const created: { id: string }[] = await m.query(
          `INSERT INTO sponsorship (donor_id, worker_id, package, declared_income, monthly_amount, start_month, months, end_month)
           SELECT $1, w.id, $3, $4, $5, $6::date, $7, $8::date FROM unnest($2::uuid[]) WITH ORDINALITY AS w(id, n) ORDER BY w.n
           RETURNING id`,
          [
            input.donorId,
            input.workerIds,
            input.package,
            price.declaredIncome,
            price.monthly,
            `${input.startMonth}-01`,
            input.months,
            `${endMonth}-01`,
          ],
        );
        const ids = created.map((r) => r.id);
        await this.createContributions(m, ids);
        if (input.idempotencyKey) {
          await m.query(
            `INSERT INTO sponsor_request (donor_id, idempotency_key, sponsorship_ids) VALUES ($1, $2, $3)`,
            [input.donorId, input.idempotencyKey, ids],
          );
        }
        // Credit the donor already has pays the new months at once.
        const paid = await this.payments.allocate(m, input.donorId);
        await writeAudit(m, viewer, {
          action: "sponsorWorkers",
          entity: "donor",
          entityId: input.donorId,
          changes: {
            workers: ids.length,
            package: input.package,
            monthly: price.monthly,
            startMonth: input.startMonth,
            months: input.months,
            paidFromCredit: paid.months,
          },
        });
        return this.inOrder(m, ids);
      });
    } catch (error) {
      if (
        (error as { code?: string }).code === PG_UNIQUE_VIOLATION &&
        (error as { constraint?: string }).constraint === "contribution_worker_month_key"
      ) {
        // Another pledge won the race for one of these worker-months; name what it took.
        await this.assertMonthsFree(
          this.db.manager,
          this.sameMonths(input.workerIds, input.startMonth, endMonth),
        );
        throw new MonthAlreadyCoveredError(
          "Another pledge covered some of these workers for these months at the same moment. Reload and try again.",
          "workerIds",
        );
      }
      throw error;
    }
  }

  /** Cancels the months still DUE; paid months stay paid. Cancelling twice changes nothing. */
  async cancel(viewer: Viewer, id: string, reason: string): Promise<Sponsorship> {
    const why = reason.trim();
    if (why.length < 3 || why.length > 500)
      throw new BadUserInputError("reason must say why, in 3 to 500 characters.", "reason");
    const sponsorship = await this.get(viewer, requireUuid(id, "id"));
    if (!sponsorship) throw notFound("sponsorship", id, "id");
    const [worker] = await this.db.query(`SELECT village_code FROM worker WHERE id = $1`, [
      sponsorship.workerId,
    ]);
    assertCanWriteIn(viewer, worker.village_code, "sponsorship", "id");
    return this.db.transaction(async (m) => {
      await this.payments.lockDonor(m, sponsorship.donorId);
      const [current] = await m.query(`SELECT cancelled_at FROM sponsorship WHERE id = $1`, [id]);
      if (!current.cancelled_at) {
        await m.query(
          `UPDATE contribution SET status = 'CANCELLED' WHERE sponsorship_id = $1 AND status = 'DUE'`,
          [id],
        );
        await m.query(
          `UPDATE sponsorship SET cancelled_at = now(), cancel_reason = $2 WHERE id = $1`,
          [id, why],
        );
        await writeAudit(m, viewer, {
          action: "cancelSponsorship",
          entity: "sponsorship",
          entityId: id,
          changes: { reason: why },
        });
      }
      return m.getRepository(Sponsorship).findOneByOrFail({ id });
    });
  }

  contributionsOf(sponsorshipIds: readonly string[]): Promise<Contribution[]> {
    return this.db
      .getRepository(Contribution)
      .find({ where: { sponsorshipId: In([...sponsorshipIds]) }, order: { month: "ASC" } });
  }

  /** One DUE contribution per month of each new sponsorship, at its monthly amount. */
  async createContributions(m: EntityManager, sponsorshipIds: string[]): Promise<void> {
    await m.query(
      `INSERT INTO contribution (sponsorship_id, worker_id, donor_id, month, amount)
       SELECT s.id, s.worker_id, s.donor_id, g.month::date, s.monthly_amount
         FROM sponsorship s
        CROSS JOIN LATERAL generate_series(s.start_month, s.end_month, interval '1 month') AS g(month)
        WHERE s.id = ANY($1::uuid[])`,
      [sponsorshipIds],
    );
  }

  /** The sponsorships with these ids, in the order given. */
  async inOrder(m: EntityManager, ids: string[]): Promise<Sponsorship[]> {
    const rows = await m.getRepository(Sponsorship).findBy({ id: In(ids) });
    const byId = new Map(rows.map((s) => [s.id, s]));
    return ids.map((id) => byId.get(id)!);
  }

  private async assertWorkersWritable(
    m: EntityManager,
    viewer: Viewer,
    workerIds: string[],
  ): Promise<void> {
    const rows: { id: string; village_code: string }[] = await m.query(
      `SELECT id, village_code FROM worker WHERE id = ANY($1::uuid[])`,
      [workerIds],
    );
    const visible = new Map(
      rows.filter((r) => canSeeRegion(viewer, r.village_code)).map((r) => [r.id, r.village_code]),
    );
    const missing = workerIds.filter((id) => !visible.has(id));
    if (missing.length)
      throw new BadUserInputError(
        `No worker has these ids: ${missing.slice(0, 10).join(", ")}.`,
        "workerIds",
      );
    for (const village of visible.values())
      assertCanWriteIn(viewer, village, "worker", "workerIds");
  }

  private sameMonths(workerIds: string[], startMonth: string, endMonth: string): WorkerMonths[] {
    return workerIds.map((workerId) => ({ workerId, startMonth, endMonth }));
  }

  /** Throws MONTH_ALREADY_COVERED naming each worker who already has one of its months. */
  async assertMonthsFree(
    m: EntityManager,
    wanted: WorkerMonths[],
    field = "workerIds",
  ): Promise<void> {
    const taken: { full_name: string; nik: string; months: string[] }[] = await m.query(
      `SELECT w.full_name, w.nik, array_agg(to_char(c.month, 'YYYY-MM') ORDER BY c.month) AS months
         FROM unnest($1::uuid[], $2::date[], $3::date[]) AS r(worker_id, start_month, end_month)
         JOIN contribution c ON c.worker_id = r.worker_id AND c.month BETWEEN r.start_month AND r.end_month
         JOIN worker w ON w.id = r.worker_id
        WHERE c.status <> 'CANCELLED'
        GROUP BY w.id, w.full_name, w.nik ORDER BY w.full_name`,
      [
        wanted.map((r) => r.workerId),
        wanted.map((r) => `${r.startMonth}-01`),
        wanted.map((r) => `${r.endMonth}-01`),
      ],
    );
    if (!taken.length) return;
    const named = taken
      .slice(0, MAX_NAMED_CONFLICTS)
      .map((t) => `${t.full_name} (${t.months.join(", ")})`);
    const more =
      taken.length > MAX_NAMED_CONFLICTS ? ` and ${taken.length - MAX_NAMED_CONFLICTS} more` : "";
    throw new MonthAlreadyCoveredError(
      `Nothing was pledged: ${taken.length === 1 ? "this worker is" : "these workers are"} already covered for some of these months: ${named.join("; ")}${more}.`,
      field,
    );
  }
}
