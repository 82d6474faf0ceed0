import { validate } from "class-validator";
import { DataSource, EntityManager, In } from "typeorm";
import {
  Access,
  BadUserInputError,
  ForbiddenError,
  assertCanWriteIn,
  canSeeRegion,
  canWrite,
  masksPersonalData,
  DomainError,
  NikDuplicateError,
  RegionLevel,
  SortDirection,
  ancestorCodes,
  checkNikAgrees,
  currentYearMonth,
  nikDistrictCode,
  parseNik,
  regionLevelOf,
} from "@sertakan/schema";
import { isUuid, notFound, requireUuid } from "../../graphql/ids";
import { writeAudit } from "../audit/audit.service";
import { countRegistrations, moveWorkerInRollups } from "../analytics/rollups";
import { workerInScope, workerInScopeRaw, WORKER_REGION_COLUMN } from "../auth/scope";
import type { Viewer } from "../auth/viewer";
import { SortKey, applyKeyset, keysetPage } from "../../graphql/keyset";
import { CompiledWorkerPage, isoTimestamp } from "./worker-page.compiler";
import { coverageStatusSql } from "./coverage-status.sql";
import { createHash } from "node:crypto";
import type { Pool } from "pg";
import { readPool } from "../../database/replicas";
import { JsonPage, Page, checkPageSize, encodeCursor } from "../../graphql/pagination";
import type { Loaders } from "../../context";
import { PartnerService } from "../partner/partner.service";
import { RegionService, escapeLike } from "../region/region.service";
import { Worker } from "./worker.entity";
import {
  ImportRowError,
  RegisterWorkerInput,
  UpdateWorkerInput,
  WorkerFilter,
  WorkerImportResult,
  WorkerOrder,
  WorkerOrderField,
} from "./worker.inputs";

export const MAX_IMPORT_ROWS = 5_000;
// The worker columns a compiled node may read (worker-page.compiler.ts), besides id.
const PAGE_COLUMNS = [
  "nik",
  "full_name",
  "gender",
  "birth_date",
  "occupation",
  "phone",
  "membership_number",
  "covered_through",
  "village_code",
  "created_at",
  "updated_at",
];
const MAX_PAGE_STATEMENTS = 1_000;

type PageStatement = {
  name: string;
  text: string;
  params: unknown[];
  usesMonth: boolean;
  countName: string;
  countText: string;
  countParams: unknown[];
};

const ORDER_KEYS: Record<WorkerOrderField, SortKey<Worker>[]> = {
  [WorkerOrderField.CREATED_AT]: [
    { column: "w.created_at", value: (w) => w.createdAt },
    { column: "w.id", value: (w) => w.id },
  ],
  // Never-paid workers sort as if covered through 1900-01, so the key is never null.
  [WorkerOrderField.COVERED_THROUGH]: [
    {
      column: "coalesce(w.covered_through, date '1900-01-01')",
      value: (w) => `${w.coveredThrough ?? "1900-01"}-01`,
    },
    { column: "w.id", value: (w) => w.id },
  ],
  [WorkerOrderField.FULL_NAME]: [
    { column: "w.full_name", value: (w) => w.fullName },
    { column: "w.id", value: (w) => w.id },
  ],
};

/** A registration that passed every rule: the row to insert. */
type ValidRow = Omit<Worker, "id" | "createdAt" | "updatedAt" | "coveredThrough">;

export class WorkerService {
  constructor(
    private readonly db: DataSource,
    private readonly regions: RegionService,
    private readonly partners: PartnerService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  repository() {
    return this.db.getRepository(Worker);
  }

  /** A worker outside the caller's scope is answered as not found (null). */
  async get(access: Access, id: string): Promise<Worker | null> {
    const worker = isUuid(id) ? await this.db.getRepository(Worker).findOneBy({ id }) : null;
    return worker && canSeeRegion(access, worker.villageCode) ? worker : null;
  }

  async getByNik(access: Access, nik: string): Promise<Worker | null> {
    const worker = /^\d{16}$/.test(nik)
      ? await this.db.getRepository(Worker).findOneBy({ nik })
      : null;
    return worker && canSeeRegion(access, worker.villageCode) ? worker : null;
  }

  list(
    access: Access,
    filter: WorkerFilter | null | undefined,
    orderBy: WorkerOrder | null | undefined,
    first?: number,
    after?: string | null,
  ): Promise<Page<Worker>> {
    const { qb, keys, direction } = this.listQuery(access, filter, orderBy);
    return keysetPage(qb, { first: checkPageSize(first), after, keys, direction });
  }

  /**
   * The worker page as one prepared statement in which PostgreSQL builds every node's JSON
   * (PERFORMANCE.md), with the same scope, filters, order and cursors as `list`. Answers
   * null when the order is one the compiled statement does not take.
   */
  async compiledPage(
    access: Access,
    plan: CompiledWorkerPage,
    filter: WorkerFilter | null | undefined,
    orderBy: WorkerOrder | null | undefined,
    first?: number,
    after?: string | null,
  ): Promise<Page<Worker> | null> {
    const page = await this.compiledPageJson(access, plan, filter, orderBy, first, after);
    if (!page) return null;
    // Each node holds exactly the selected fields, which is all GraphQL will read of it.
    const cursorOf = new Map<Worker, string>();
    const nodes = page.nodes.map((json, i) => {
      const node = JSON.parse(json) as Worker;
      cursorOf.set(node, page.cursorAt(i));
      return node;
    });
    return { ...page, nodes, cursorOf: (n) => cursorOf.get(n)! };
  }

  /**
   * The same page with each node as the JSON text PostgreSQL wrote: the edge answers with it
   * as it is. Cursors are encoded only for the nodes a client asks them of.
   */
  async compiledPageJson(
    access: Access,
    plan: CompiledWorkerPage,
    filter: WorkerFilter | null | undefined,
    orderBy: WorkerOrder | null | undefined,
    first?: number,
    after?: string | null,
  ): Promise<JsonPage | null> {
    if (orderBy && orderBy.field !== WorkerOrderField.CREATED_AT) return null;
    const size = checkPageSize(first);
    const statement = this.pageStatement(access, plan, filter, orderBy, size, after);
    // PostgreSQL refuses a parameter the statement does not use: pass the month only when asked.
    const values = statement.usesMonth
      ? [...statement.params, `${currentYearMonth(this.now())}-01`]
      : statement.params;
    // A named statement is planned once per connection, not on every request.
    const pool = this.pool();
    const { rows } = await pool.query<{ node: string; c: string; i: string }>({
      name: statement.name,
      text: statement.text,
      values,
    });
    const page = rows.length > size ? rows.slice(0, size) : rows;
    return {
      nodes: page.map((r) => r.node),
      hasNextPage: rows.length > size,
      hadCursor: Boolean(after),
      cursorAt: (i) => {
        if (!plan.wantsCursors) throw new Error("the compiled page was not asked for cursors");
        return encodeCursor([page[i].c, page[i].i]);
      },
      count: async () => {
        const { rows: counted } = await pool.query<{ n: number }>({
          name: statement.countName,
          text: statement.countText,
          values: statement.countParams,
        });
        return counted[0].n;
      },
    };
  }

  // The compiled statements go straight to a pool (a replica's when there are any): TypeORM's
  // query runner costs more Node time per call than these statements cost PostgreSQL.
  private pool(): Pool {
    return readPool(this.db);
  }

  // Building a page's SQL through the query builder costs more Node time than running it:
  // the statements are kept per exact request shape (caller scope, filter, order, page).
  private readonly pageStatements = new Map<string, PageStatement>();

  private pageStatement(
    access: Access,
    plan: CompiledWorkerPage,
    filter: WorkerFilter | null | undefined,
    orderBy: WorkerOrder | null | undefined,
    size: number,
    after: string | null | undefined,
  ): PageStatement {
    // The coverage-status filter bakes this month into its parameters: a new month is a new shape.
    const month = filter?.coverageStatus?.length ? currentYearMonth(this.now()) : null;
    const key = JSON.stringify([
      access.role,
      access.regionScope,
      plan.key,
      filter ?? null,
      orderBy ?? null,
      size,
      after ?? null,
      month,
    ]);
    const cached = this.pageStatements.get(key);
    if (cached) return cached;
    const { qb, keys, direction } = this.listQuery(access, filter, orderBy);
    const countQuery = applyKeyset(qb, { first: size, after, keys, direction });
    // The page's rows carry every column the node's JSON reads, under their own names, so
    // the outer query reads each worker once (joining back by id cost PostgreSQL half again).
    qb.select("w.id", "id");
    for (const column of PAGE_COLUMNS) qb.addSelect(`w.${column}`, column);
    const [inner, params] = qb.getQueryAndParameters();
    const [countInner, countParams] = countQuery.select("w.id", "page_id").getQueryAndParameters();
    const order = `w.created_at ${direction}, w.id ${direction}`;
    const node = plan.nodeSql.replaceAll("$cur", `$${params.length + 1}`);
    const cursor = plan.wantsCursors ? `, ${isoTimestamp("w.created_at")} AS c, w.id AS i` : "";
    const text = `WITH w AS (${inner})
      SELECT ${node}::text AS node${cursor}
        FROM w ${plan.joins} ORDER BY ${order}`;
    const countText = `SELECT count(*)::int AS n FROM (${countInner}) c`;
    const hash = (sql: string) => createHash("sha1").update(sql).digest("hex").slice(0, 16);
    const statement: PageStatement = {
      name: `workers-${hash(text)}`,
      text,
      params,
      usesMonth: plan.nodeSql.includes("$cur"),
      countName: `workers-count-${hash(countText)}`,
      countText,
      countParams,
    };
    if (this.pageStatements.size >= MAX_PAGE_STATEMENTS)
      this.pageStatements.delete(this.pageStatements.keys().next().value!);
    this.pageStatements.set(key, statement);
    return statement;
  }

  /**
   * One worker by NIK as one prepared statement building its JSON (the lookup hot path),
   * with the same scope and masking as `getByNik`.
   */
  async compiledByNik(
    access: Access,
    plan: CompiledWorkerPage,
    nik: string,
  ): Promise<Worker | null> {
    const json = await this.compiledByNikJson(access, plan, nik);
    return json === null ? null : (JSON.parse(json) as Worker);
  }

  private readonly byNikStatements = new Map<string, { name: string; text: string }>();

  /** The same worker as the JSON text PostgreSQL wrote, or null. */
  async compiledByNikJson(
    access: Access,
    plan: CompiledWorkerPage,
    nik: string,
  ): Promise<string | null> {
    if (!/^\d{16}$/.test(nik)) return null;
    const values: unknown[] = [nik];
    const conditions = ["w.nik = $1"];
    const scope = workerInScopeRaw(access, "w", 2);
    if (scope.value !== null) {
      values.push(scope.value);
      conditions.push(scope.sql);
    }
    const usesMonth = plan.nodeSql.includes("$cur");
    if (usesMonth) values.push(`${currentYearMonth(this.now())}-01`);
    // One statement per selection and scope kind, found without rebuilding its text.
    const key = `${plan.key}|${scope.sql}`;
    let statement = this.byNikStatements.get(key);
    if (!statement) {
      const node = usesMonth ? plan.nodeSql.replaceAll("$cur", `$${values.length}`) : plan.nodeSql;
      const text = `SELECT ${node}::text AS node FROM worker w ${plan.joins} WHERE ${conditions.join(" AND ")}`;
      const name = `worker-${createHash("sha1").update(text).digest("hex").slice(0, 16)}`;
      // Few, but bounded all the same.
      if (this.byNikStatements.size >= MAX_PAGE_STATEMENTS) this.byNikStatements.clear();
      statement = { name, text };
      this.byNikStatements.set(key, statement);
    }
    const { rows } = await this.pool().query<{ node: string }>({ ...statement, values });
    return rows[0]?.node ?? null;
  }

  private listQuery(
    access: Access,
    filter: WorkerFilter | null | undefined,
    orderBy: WorkerOrder | null | undefined,
  ) {
    const qb = this.db.getRepository(Worker).createQueryBuilder("w");
    const scope = workerInScope(access);
    if (scope) qb.andWhere(scope.sql, scope.params);
    const search = filter?.search?.trim();
    if (search) {
      if (/^\d{1,16}$/.test(search)) {
        // A viewer sees only the first four digits; a longer prefix would let them probe the rest.
        if (masksPersonalData(access) && search.length > 4) {
          throw new ForbiddenError(
            "A viewer may search NIKs by their first four digits only; search by name instead.",
            "search",
          );
        }
        // Digit strings of equal length sort the same in every collation: a range on the unique index.
        qb.andWhere("w.nik BETWEEN :nikLow AND :nikHigh", {
          nikLow: search.padEnd(16, "0"),
          nikHigh: search.padEnd(16, "9"),
        });
      } else {
        qb.andWhere("w.full_name ILIKE :name", { name: `%${escapeLike(search)}%` });
      }
    }
    if (filter?.regionCode) {
      qb.andWhere(`w.${WORKER_REGION_COLUMN[regionLevelOf(filter.regionCode)]} = :region`, {
        region: filter.regionCode,
      });
    }
    if (filter?.occupation?.length)
      qb.andWhere("w.occupation = ANY(:occupations)", { occupations: filter.occupation });
    if (filter?.recruitedById)
      qb.andWhere("w.recruited_by_id = :recruiter", {
        recruiter: requireUuid(filter.recruitedById, "recruitedById"),
      });
    if (filter?.donorId) {
      qb.andWhere(
        "EXISTS (SELECT 1 FROM sponsorship s WHERE s.worker_id = w.id AND s.donor_id = :donor)",
        {
          donor: requireUuid(filter.donorId, "donorId"),
        },
      );
    }
    if (filter?.coverageStatus?.length) {
      const asOf = currentYearMonth(this.now());
      qb.andWhere(`${coverageStatusSql(":asOf::date")} = ANY(:statuses)`, {
        asOf: `${asOf}-01`,
        statuses: filter.coverageStatus,
      });
    }
    const field = orderBy?.field ?? WorkerOrderField.CREATED_AT;
    const keys = ORDER_KEYS[field];
    // Without an explicit order the newest registrations come first.
    const direction = orderBy ? orderBy.direction : SortDirection.DESC;
    return { qb, keys, direction };
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
    loaders: Loaders,
    partnerId: string,
    first?: number,
    after?: string | null,
  ): Promise<Page<Worker>> {
    const size = checkPageSize(first);
    if (after) return this.list(access, { recruitedById: partnerId }, null, size, after);
    const { rows, total } = await loaders.recruitedWorkersFirstPage.load({
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
    const [outcome] = await this.checkRows([input]);
    if (outcome instanceof DomainError) throw outcome;
    assertCanWriteIn(viewer, outcome.villageCode, "worker", "villageCode");
    return this.db.transaction(async (m) => {
      const [id] = await this.insertRows(m, [outcome]);
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
        Object.assign(changes, this.domicile(input.villageCode));
      }
      if (input.recruitedById !== undefined) {
        if (input.recruitedById !== null)
          await this.partners.require(viewer, input.recruitedById, "recruitedById");
        changes.recruitedById = input.recruitedById;
      }
      if (changes.membershipNumber)
        await this.assertMembershipFree(m, changes.membershipNumber, id);
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
    const outcomes = await this.checkRows(rows);
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
      const ids = (await this.insertRows(m, valid)).filter((id): id is string => Boolean(id));
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

  /** Checks registrations with the database answering in a fixed number of queries, not one per row. */
  private async checkRows(rows: RegisterWorkerInput[]): Promise<(ValidRow | DomainError)[]> {
    const districtCodes = new Set<string>();
    const villageCodes = new Set<string>();
    const partnerIds = new Set<string>();
    const niks: string[] = [];
    const kpjs: string[] = [];
    for (const r of rows) {
      if (/^\d{16}$/.test(r.nik ?? "")) {
        districtCodes.add(nikDistrictCode(r.nik));
        niks.push(r.nik);
      }
      if (typeof r.villageCode === "string") villageCodes.add(r.villageCode);
      if (r.recruitedById && isUuid(r.recruitedById)) partnerIds.add(r.recruitedById);
      if (r.membershipNumber) kpjs.push(r.membershipNumber);
    }
    const [regionRows, partnerRows, nikRows, kpjRows] = await Promise.all([
      this.db.query(`SELECT code, level FROM region WHERE code = ANY($1::varchar[])`, [
        [...districtCodes, ...villageCodes],
      ]),
      this.db.query(`SELECT id FROM partner WHERE id = ANY($1::uuid[])`, [[...partnerIds]]),
      this.db.query(`SELECT nik FROM worker WHERE nik = ANY($1::char(16)[])`, [niks]),
      this.db.query(
        `SELECT membership_number FROM worker WHERE membership_number = ANY($1::text[])`,
        [kpjs],
      ),
    ]);
    const levelOf = new Map<string, string>(
      regionRows.map((r: { code: string; level: string }) => [r.code, r.level]),
    );
    const partners = new Set<string>(partnerRows.map((r: { id: string }) => r.id));
    const registered = new Set<string>(nikRows.map((r: { nik: string }) => r.nik));
    const usedKpj = new Set<string>(
      kpjRows.map((r: { membership_number: string }) => r.membership_number),
    );

    return Promise.all(
      rows.map(async (input): Promise<ValidRow | DomainError> => {
        try {
          await assertValid(input);
          const info = parseNik(input.nik, {
            districtExists: (code: string) => levelOf.get(code) === RegionLevel.DISTRICT,
          });
          checkNikAgrees(info, { gender: input.gender, birthDate: input.birthDate });
          if (registered.has(info.nik))
            return new NikDuplicateError(
              `A worker with NIK ${info.nik} is already registered.`,
              "nik",
            );
          if (levelOf.get(input.villageCode) !== RegionLevel.VILLAGE) {
            return new BadUserInputError(
              `There is no village with code "${input.villageCode}"; use a code such as 33.10.01.2001.`,
              "villageCode",
            );
          }
          if (input.recruitedById && !partners.has(input.recruitedById)) {
            return new BadUserInputError(
              `There is no partner with id ${input.recruitedById}.`,
              "recruitedById",
            );
          }
          if (input.membershipNumber && usedKpj.has(input.membershipNumber)) {
            return new BadUserInputError(
              `Membership number ${input.membershipNumber} already belongs to another worker.`,
              "membershipNumber",
            );
          }
          return {
            nik: info.nik,
            fullName: input.fullName.trim(),
            gender: info.gender,
            birthDate: input.birthDate,
            occupation: input.occupation,
            phone: input.phone ?? null,
            membershipNumber: input.membershipNumber ?? null,
            recruitedById: input.recruitedById ?? null,
            ...this.domicile(input.villageCode),
          };
        } catch (error) {
          if (error instanceof DomainError) return error;
          throw error;
        }
      }),
    );
  }

  private domicile(villageCode: string) {
    const { provinceCode, regencyCode, districtCode } = ancestorCodes(villageCode);
    return { villageCode, districtCode, regencyCode, provinceCode };
  }

  private async assertMembershipFree(m: EntityManager, membershipNumber: string, workerId: string) {
    const other = await m.getRepository(Worker).findOneBy({ membershipNumber });
    if (other && other.id !== workerId) {
      throw new BadUserInputError(
        `Membership number ${membershipNumber} already belongs to another worker.`,
        "membershipNumber",
      );
    }
  }

  /** Multi-row insert; a NIK registered meanwhile is skipped and its id comes back null. */
  private async insertRows(m: EntityManager, rows: ValidRow[]): Promise<(string | null)[]> {
    const inserted: { id: string; nik: string }[] = await m.query(
      `INSERT INTO worker (nik, full_name, gender, birth_date, occupation, phone, village_code, district_code,
                           regency_code, province_code, membership_number, recruited_by_id)
       SELECT * FROM unnest($1::char(16)[], $2::text[], $3::text[], $4::date[], $5::text[], $6::text[],
                            $7::varchar[], $8::varchar[], $9::varchar[], $10::varchar[], $11::text[], $12::uuid[])
       ON CONFLICT (nik) DO NOTHING
       RETURNING id, nik`,
      [
        rows.map((r) => r.nik),
        rows.map((r) => r.fullName),
        rows.map((r) => r.gender),
        rows.map((r) => r.birthDate),
        rows.map((r) => r.occupation),
        rows.map((r) => r.phone),
        rows.map((r) => r.villageCode),
        rows.map((r) => r.districtCode),
        rows.map((r) => r.regencyCode),
        rows.map((r) => r.provinceCode),
        rows.map((r) => r.membershipNumber),
        rows.map((r) => r.recruitedById),
      ],
    );
    await countRegistrations(
      m,
      inserted.map((r) => r.id),
    );
    const idByNik = new Map(inserted.map((r) => [r.nik, r.id]));
    return rows.map((r) => idByNik.get(r.nik) ?? null);
  }
}

/** class-validator rules of the input class, for rows that skipped type-graphql's own validation. */
async function assertValid(input: RegisterWorkerInput): Promise<void> {
  const errors = await validate(
    input instanceof RegisterWorkerInput ? input : Object.assign(new RegisterWorkerInput(), input),
  );
  const first = errors[0];
  if (first) {
    const message = Object.values(first.constraints ?? {})[0] ?? `${first.property} is not valid.`;
    throw new BadUserInputError(message, first.property);
  }
}
