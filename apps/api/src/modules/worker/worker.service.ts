import { DataSource, In } from "typeorm";
import {
  Access,
  BadUserInputError,
  ForbiddenError,
  assertCanWriteIn,
  canSeeRegion,
  canWrite,
  DomainError,
  NikDuplicateError,
  RegionLevel,
} from "@sertakan/schema";
import { plainRows } from "../../database/plain-rows";
import { isUuid, notFound, requireUuid } from "../../graphql/ids";
import { keysetPage } from "../../graphql/keyset";
import { Page, checkPageSize, encodeCursor } from "../../graphql/pagination";
import { writeAudit } from "../audit/audit.service";
import { moveWorkerInRollups } from "../analytics/rollups";
import { workerInScopeRaw } from "../auth/scope";
import type { Viewer } from "../auth/viewer";
import { PartnerService } from "../partner/partner.service";
import { RegionService } from "../region/region.service";
import { workerListQuery } from "./worker-list.query";
import { ValidRow, WorkerRows } from "./worker-rows";
import { Worker } from "./worker.entity";
import {
  ImportRowError,
  RegisterWorkerInput,
  UpdateWorkerInput,
  WorkerFilter,
  WorkerImportResult,
  WorkerOrder,
} from "./worker.inputs";

export const MAX_IMPORT_ROWS = 5_000;

/** The batched first pages of Partner.recruitedWorkers (a request's DataLoader). */
export type RecruitedFirstPages = {
  load(key: { partnerId: string; first: number }): Promise<{ rows: Worker[]; total: number }>;
};

export class WorkerService {
  constructor(
    private readonly db: DataSource,
    private readonly regions: RegionService,
    private readonly partners: PartnerService,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.rows = new WorkerRows(db);
  }

  private readonly rows: WorkerRows;

  repository() {
    return this.db.getRepository(Worker);
  }

  /** A worker outside the caller's scope is answered as not found (null). */
  async get(access: Access, id: string): Promise<Worker | null> {
    const [worker] = isUuid(id) ? await plainRows(this.db, Worker, `WHERE t.id = $1`, [id]) : [];
    return worker && canSeeRegion(access, worker.villageCode) ? worker : null;
  }

  async getByNik(access: Access, nik: string): Promise<Worker | null> {
    const [worker] = /^\d{16}$/.test(nik)
      ? await plainRows(this.db, Worker, `WHERE t.nik = $1`, [nik])
      : [];
    return worker && canSeeRegion(access, worker.villageCode) ? worker : null;
  }

  list(
    access: Access,
    filter: WorkerFilter | null | undefined,
    orderBy: WorkerOrder | null | undefined,
    first?: number,
    after?: string | null,
  ): Promise<Page<Worker>> {
    const { qb, keys, direction } = workerListQuery(this.db, access, filter, orderBy, this.now());
    return keysetPage(qb, { first: checkPageSize(first), after, keys, direction });
  }

  /** The newest recruits of each partner, `first` each, and each partner's total, in one statement. */
  async recruitedFirstPages(
    access: Access,
    partnerIds: readonly string[],
    first: number,
  ): Promise<Map<string, { rows: Worker[]; total: number }>> {
    const ids = [...new Set(partnerIds)];
    const scope = workerInScopeRaw(access, "worker", 3);
    const pairs: { id: string | null; partner_id: string; total: string }[] = await this.db.query(
      `SELECT w.id, p.id AS partner_id, c.total
         FROM unnest($1::uuid[]) AS p(id)
         CROSS JOIN LATERAL (SELECT count(*) AS total FROM worker WHERE recruited_by_id = p.id AND ${scope.sql}) c
         LEFT JOIN LATERAL (
           SELECT id, created_at FROM worker WHERE recruited_by_id = p.id AND ${scope.sql}
            ORDER BY created_at DESC, id DESC LIMIT $2
         ) w ON true
        ORDER BY p.id, w.created_at DESC, w.id DESC`,
      scope.value === null ? [ids, first] : [ids, first, scope.value],
    );
    const workerIds = pairs.flatMap((r) => (r.id ? [r.id] : []));
    const workers = workerIds.length
      ? await this.db.getRepository(Worker).findBy({ id: In(workerIds) })
      : [];
    const byId = new Map(workers.map((w) => [w.id, w]));
    const result = new Map<string, { rows: Worker[]; total: number }>();
    for (const r of pairs) {
      const entry = result.get(r.partner_id) ?? { rows: [], total: Number(r.total) };
      if (r.id) entry.rows.push(byId.get(r.id)!);
      result.set(r.partner_id, entry);
    }
    return result;
  }

  /** Partner.recruitedWorkers: first pages are batched across partners; later pages are a plain list. */
  async recruitedBy(
    access: Access,
    firstPages: RecruitedFirstPages,
    partnerId: string,
    first?: number,
    after?: string | null,
  ): Promise<Page<Worker>> {
    const size = checkPageSize(first);
    if (after) return this.list(access, { recruitedById: partnerId }, null, size, after);
    const { rows, total } = await firstPages.load({
      partnerId,
      first: size,
    });
    return {
      nodes: rows,
      hasNextPage: total > rows.length,
      hadCursor: false,
      // The same key the newest-first list uses, so `after` continues where this page ends.
      cursorOf: (w) => encodeCursor([w.createdAt.toISOString(), w.id]),
      count: async () => total,
    };
  }

  async register(viewer: Viewer, input: RegisterWorkerInput): Promise<Worker> {
    const [outcome] = await this.rows.check([input]);
    if (outcome instanceof DomainError) throw outcome;
    assertCanWriteIn(viewer, outcome.villageCode, "worker", "villageCode");
    return this.db.transaction(async (m) => {
      const [id] = await this.rows.insert(m, [outcome]);
      if (!id)
        throw new NikDuplicateError(`A worker with NIK ${input.nik} is already registered.`, "nik");
      await writeAudit(m, viewer, {
        action: "registerWorker",
        entity: "worker",
        entityId: id,
        changes: { ...outcome },
      });
      return m.getRepository(Worker).findOneByOrFail({ id });
    });
  }

  async update(viewer: Viewer, id: string, input: UpdateWorkerInput): Promise<Worker> {
    requireUuid(id, "id");
    return this.db.transaction(async (m) => {
      const worker = await m
        .getRepository(Worker)
        .findOne({ where: { id }, lock: { mode: "pessimistic_write" } });
      if (!worker) throw notFound("worker", id, "id");
      assertCanWriteIn(viewer, worker.villageCode, "worker", "id");
      const changes: Partial<Worker> = {};
      if (input.fullName != null) changes.fullName = input.fullName.trim();
      if (input.occupation != null) changes.occupation = input.occupation;
      if (input.phone !== undefined) changes.phone = input.phone;
      if (input.membershipNumber !== undefined) changes.membershipNumber = input.membershipNumber;
      if (input.villageCode != null) {
        await this.regions.require(input.villageCode, "villageCode", RegionLevel.VILLAGE);
        assertCanWriteIn(viewer, input.villageCode, "worker", "villageCode");
        Object.assign(changes, this.rows.domicile(input.villageCode));
      }
      if (input.recruitedById !== undefined) {
        if (input.recruitedById !== null)
          await this.partners.require(viewer, input.recruitedById, "recruitedById");
        changes.recruitedById = input.recruitedById;
      }
      if (changes.membershipNumber)
        await this.rows.assertMembershipFree(m, changes.membershipNumber, id);
      const after = { ...worker, ...changes };
      await moveWorkerInRollups(m, id, worker, after);
      await m.getRepository(Worker).update({ id }, { ...changes, updatedAt: new Date() });
      await writeAudit(m, viewer, {
        action: "updateWorker",
        entity: "worker",
        entityId: id,
        changes,
      });
      return m.getRepository(Worker).findOneByOrFail({ id });
    });
  }

  /**
   * Bulk registration: every row is checked by the same rules as registerWorker; the valid
   * rows are written in one transaction, each bad row is reported, known NIKs are skipped.
   */
  async import(
    viewer: Viewer,
    rows: RegisterWorkerInput[],
    dryRun: boolean,
  ): Promise<WorkerImportResult> {
    if (!canWrite(viewer)) throw new ForbiddenError("A viewer may read but not import workers.");
    if (rows.length > MAX_IMPORT_ROWS) {
      throw new BadUserInputError(
        `An import takes at most ${MAX_IMPORT_ROWS.toLocaleString("en")} rows; this one has ${rows.length.toLocaleString("en")}. Split the file.`,
        "rows",
      );
    }
    const outcomes = await this.rows.check(rows);
    const errors: ImportRowError[] = [];
    const valid: ValidRow[] = [];
    let duplicates = 0;
    const seen = new Set<string>();
    outcomes.forEach((checked, row) => {
      let outcome = checked;
      if (!(outcome instanceof DomainError) && !canSeeRegion(viewer, outcome.villageCode)) {
        outcome = new ForbiddenError(
          `Village ${outcome.villageCode} is outside your scope ${viewer.regionScope}.`,
          "villageCode",
        );
      }
      if (outcome instanceof NikDuplicateError) duplicates++;
      else if (outcome instanceof DomainError)
        errors.push({
          row,
          field: outcome.field ?? null,
          message: outcome.message,
          code: outcome.code,
        });
      else if (seen.has(outcome.nik))
        duplicates++; // the same NIK twice in one file
      else {
        seen.add(outcome.nik);
        valid.push(outcome);
      }
    });
    if (dryRun || valid.length === 0) return { created: 0, duplicates, errors, workers: [] };
    return this.db.transaction(async (m) => {
      const ids = (await this.rows.insert(m, valid)).filter((id): id is string => Boolean(id));
      await writeAudit(m, viewer, {
        action: "importWorkers",
        entity: "worker",
        changes: { created: ids.length, rows: rows.length },
      });
      const workers = ids.length
        ? await m
            .getRepository(Worker)
            .find({ where: { id: In(ids) }, order: { createdAt: "ASC", id: "ASC" } })
        : [];
      // Rows a concurrent registration beat us to are duplicates too.
      return {
        created: ids.length,
        duplicates: duplicates + valid.length - ids.length,
        errors,
        workers,
      };
    });
  }
}
