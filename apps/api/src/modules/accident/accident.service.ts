import { DataSource } from "typeorm";
import {
  Access,
  BadUserInputError,
  ForbiddenError,
  PartnerNotPlkkError,
  RegionLevel,
  accidentCoverMonth,
  assertCanWriteIn,
  canSeeRegion,
  checkAccidentTime,
  checkWorkerReference,
  isLateReport,
  isPlkk,
  accidentStatus,
  maskNik,
  parseYearMonth,
  regionLevelOf,
} from "@sertakan/schema";
import { notFound, requireUuid } from "../../graphql/ids";
import { keysetPage } from "../../graphql/keyset";
import { Page, checkPageSize } from "../../graphql/pagination";
import { writeAudit } from "../audit/audit.service";
import { WORKER_REGION_COLUMN, workerInScope } from "../auth/scope";
import type { Viewer } from "../auth/viewer";
import { PartnerService } from "../partner/partner.service";
import { RegionService } from "../region/region.service";
import { Contribution } from "../sponsorship/sponsorship.entity";
import { Worker } from "../worker/worker.entity";
import { WorkerService } from "../worker/worker.service";
import { AccidentReport } from "./accident.entity";
import { AccidentReportFilter, ReportAccidentInput } from "./accident.inputs";
import { AccidentCount, AccidentSummary, CoverageCheck } from "./accident.types";

const NIK_PATTERN = /^\d{16}$/;

// The level below each level, for the dashboard's per-child counts.
const CHILD_LEVEL: Partial<Record<RegionLevel, RegionLevel>> = {
  [RegionLevel.PROVINCE]: RegionLevel.REGENCY,
  [RegionLevel.REGENCY]: RegionLevel.DISTRICT,
  [RegionLevel.DISTRICT]: RegionLevel.VILLAGE,
};

function requireNik(nik: string, field = "nik"): string {
  const trimmed = nik.trim();
  if (!NIK_PATTERN.test(trimmed))
    throw new BadUserInputError(`nik must be the 16 digits of an identity card number.`, field);
  return trimmed;
}

export class AccidentService {
  constructor(
    private readonly db: DataSource,
    private readonly regions: RegionService,
    private readonly partners: PartnerService,
    private readonly workers: WorkerService,
    private readonly now: () => Date,
  ) {}

  /**
   * Records a stage-I accident report and decides cover in the same transaction: ACCEPTED
   * when the accident day's month (Asia/Jakarta) is PAID, else NOT_COVERED. Both are kept.
   */
  async report(viewer: Viewer, input: ReportAccidentInput): Promise<AccidentReport> {
    const now = this.now();
    checkAccidentTime(input.occurredAt, now);
    const ref = checkWorkerReference(input);
    const worker =
      "workerId" in ref
        ? await this.workers.get(viewer, requireUuid(ref.workerId, "workerId"))
        : await this.workers.getByNik(viewer, requireNik(ref.nik));
    const workerField = "workerId" in ref ? "workerId" : "nik";
    if (!worker) {
      throw "workerId" in ref
        ? notFound("worker", ref.workerId, "workerId")
        : notFound("worker", `NIK ${maskNik(ref.nik)}`, "nik");
    }
    assertCanWriteIn(viewer, worker.villageCode, "accident report", workerField);
    const partner = await this.partners.require(viewer, input.partnerId, "partnerId");
    if (!isPlkk(partner.kind) || !partner.active)
      throw new PartnerNotPlkkError(
        `${partner.name} is ${partner.active ? `a ${partner.kind}` : "no longer active"}; accidents are reported by an active PLKK hospital, clinic or puskesmas.`,
        "partnerId",
      );
    const place = input.place.trim();
    const reporterName = input.reporterName.trim();
    if (!place) throw new BadUserInputError("place must not be blank.", "place");
    if (!reporterName)
      throw new BadUserInputError("reporterName must not be blank.", "reporterName");

    const coverMonth = accidentCoverMonth(input.occurredAt);
    const late = isLateReport(input.occurredAt, now);
    return this.db.transaction(async (m) => {
      // contribution_paid_idx (worker_id, month) WHERE status = 'PAID': one index probe.
      const [paid]: { id: string }[] = await m.query(
        `SELECT id FROM contribution WHERE worker_id = $1 AND month = $2::date AND status = 'PAID'`,
        [worker.id, `${coverMonth}-01`],
      );
      const status = accidentStatus(Boolean(paid));
      const [{ id }]: { id: string }[] = await m.query(
        `INSERT INTO accident_report (worker_id, partner_id, occurred_at, cover_month, place, cause,
           description, reporter_name, reporter_phone, status, covered_by_id, late, created_at)
         VALUES ($1, $2, $3, $4::date, $5, $6, $7, $8, $9, $10, $11, $12, date_trunc('milliseconds', $13::timestamptz))
         RETURNING id`,
        [
          worker.id,
          partner.id,
          input.occurredAt,
          `${coverMonth}-01`,
          place,
          input.cause,
          input.description?.trim() || null,
          reporterName,
          input.reporterPhone?.trim() || null,
          status,
          paid?.id ?? null,
          late,
          now,
        ],
      );
      await writeAudit(m, viewer, {
        action: "reportAccident",
        entity: "accident_report",
        entityId: id,
        changes: {
          workerId: worker.id,
          partnerId: partner.id,
          occurredAt: input.occurredAt.toISOString(),
          cause: input.cause,
          status,
          coveredById: paid?.id ?? null,
          late,
        },
      });
      return m.getRepository(AccidentReport).findOneByOrFail({ id });
    });
  }

  /** A report is in scope when its worker is; outside it, as unknown (null). */
  async get(access: Access, id: string): Promise<AccidentReport | null> {
    const qb = this.inScope(access).andWhere("a.id = :id", { id: requireUuid(id, "id") });
    return qb.getOne();
  }

  list(
    access: Access,
    filter: AccidentReportFilter | null | undefined,
    first?: number,
    after?: string | null,
  ): Promise<Page<AccidentReport>> {
    const qb = this.inScope(access);
    if (filter?.regionCode) {
      const code = filter.regionCode;
      let level: RegionLevel;
      try {
        level = regionLevelOf(code);
      } catch {
        throw new BadUserInputError(`"${code}" is not a region code such as 33.10.`, "regionCode");
      }
      qb.andWhere(`w.${WORKER_REGION_COLUMN[level]} = :region`, { region: code });
    }
    if (filter?.partnerId)
      qb.andWhere("a.partner_id = :partner", {
        partner: requireUuid(filter.partnerId, "partnerId"),
      });
    if (filter?.workerId)
      qb.andWhere("a.worker_id = :worker", { worker: requireUuid(filter.workerId, "workerId") });
    if (filter?.status?.length)
      qb.andWhere("a.status = ANY(:statuses)", { statuses: filter.status });
    if (filter?.from && filter?.to && filter.to < filter.from)
      throw new BadUserInputError("to cannot be before from.", "to");
    // Days are Jakarta days, as the cover decision's.
    if (filter?.from)
      qb.andWhere("a.occurred_at >= (:from::date)::timestamp AT TIME ZONE 'Asia/Jakarta'", {
        from: filter.from,
      });
    if (filter?.to)
      qb.andWhere("a.occurred_at < ((:to::date) + 1)::timestamp AT TIME ZONE 'Asia/Jakarta'", {
        to: filter.to,
      });
    return keysetPage(qb, {
      first: checkPageSize(first),
      after,
      direction: "DESC",
      keys: [
        { column: "a.occurred_at", value: (a) => a.occurredAt },
        { column: "a.id", value: (a) => a.id },
      ],
    });
  }

  /** Every report of these workers, newest accident first (for Worker.accidentReports). */
  async byWorkers(workerIds: readonly string[]): Promise<AccidentReport[]> {
    return this.db
      .getRepository(AccidentReport)
      .createQueryBuilder("a")
      .where("a.worker_id = ANY(:ids)", { ids: [...workerIds] })
      .orderBy("a.occurred_at", "DESC")
      .addOrderBy("a.id", "DESC")
      .getMany();
  }

  /**
   * Was this NIK covered on this day? One statement: the worker by the NIK's unique index and
   * the day's month through contribution_paid_idx. Unknown and out-of-scope NIKs answer alike.
   */
  async coverageCheck(access: Access, nik: string, date: string): Promise<CoverageCheck> {
    const wanted = requireNik(nik);
    const month = parseYearMonth(date.slice(0, 7), "date");
    const worker = (await this.db
      .getRepository(Worker)
      .createQueryBuilder("w")
      .leftJoinAndMapOne(
        "w.coverContribution",
        Contribution,
        "c",
        "c.worker_id = w.id AND c.month = :month::date AND c.status = 'PAID'",
        { month: `${month}-01` },
      )
      .where("w.nik = :nik", { nik: wanted })
      .getOne()) as (Worker & { coverContribution?: Contribution | null }) | null;
    const visible = worker && canSeeRegion(access, worker.villageCode) ? worker : null;
    const coveredBy = visible?.coverContribution ?? null;
    if (visible) delete visible.coverContribution;
    return Object.assign(new CoverageCheck(), {
      nik: maskNik(wanted),
      worker: visible,
      date,
      covered: coveredBy !== null,
      coveredBy,
      coveredThrough: visible?.coveredThrough ?? null,
    });
  }

  /** Accidents in `month` for the region and each child region, by whether cover held. */
  async summary(access: Access, regionCode: string, month: string): Promise<AccidentSummary> {
    parseYearMonth(month, "month");
    const region = await this.regions.require(regionCode, "regionCode");
    if (!canSeeRegion(access, region.code))
      throw new ForbiddenError(
        `Region ${region.code} is outside your scope ${access.regionScope}.`,
        "regionCode",
      );
    const level = regionLevelOf(region.code);
    const childLevel = CHILD_LEVEL[level];
    const groupBy = childLevel ? `w.${WORKER_REGION_COLUMN[childLevel]}` : "w.village_code";
    const rows: { code: string; total: number; accepted: number; late: number }[] =
      await this.db.query(
        `SELECT ${groupBy} AS code, count(*)::int AS total,
                count(*) FILTER (WHERE a.status = 'ACCEPTED')::int AS accepted,
                count(*) FILTER (WHERE a.late)::int AS late
           FROM accident_report a JOIN worker w ON w.id = a.worker_id
          WHERE a.cover_month = $1::date AND w.${WORKER_REGION_COLUMN[level]} = $2
          GROUP BY 1`,
        [`${month}-01`, region.code],
      );
    const count = (code: string, r?: { total: number; accepted: number; late: number }) =>
      Object.assign(new AccidentCount(), {
        regionCode: code,
        total: r?.total ?? 0,
        accepted: r?.accepted ?? 0,
        notCovered: (r?.total ?? 0) - (r?.accepted ?? 0),
        late: r?.late ?? 0,
      });
    const byCode = new Map(rows.map((r) => [r.code, r]));
    const children: { code: string }[] = childLevel
      ? await this.db.query(`SELECT code FROM region WHERE parent_code = $1 ORDER BY code`, [
          region.code,
        ])
      : [];
    const sum = rows.reduce(
      (s, r) => ({
        total: s.total + r.total,
        accepted: s.accepted + r.accepted,
        late: s.late + r.late,
      }),
      { total: 0, accepted: 0, late: 0 },
    );
    return Object.assign(new AccidentSummary(), {
      month,
      total: count(region.code, sum),
      children: children.map((c) => count(c.code, byCode.get(c.code))),
    });
  }

  private inScope(access: Access) {
    const qb = this.db
      .getRepository(AccidentReport)
      .createQueryBuilder("a")
      .innerJoin(Worker, "w", "w.id = a.worker_id");
    const scope = workerInScope(access, "w");
    if (scope) qb.andWhere(scope.sql, scope.params);
    return qb;
  }
}
