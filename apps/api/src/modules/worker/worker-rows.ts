import { validate } from "class-validator";
import { DataSource, EntityManager } from "typeorm";
import {
  BadUserInputError,
  DomainError,
  NikDuplicateError,
  RegionLevel,
  ancestorCodes,
  checkNikAgrees,
  nikDistrictCode,
  parseNik,
} from "@sertakan/schema";
import { isUuid } from "../../graphql/ids";
import { countRegistrations } from "../analytics/rollups";
import { Worker } from "./worker.entity";
import { RegisterWorkerInput } from "./worker.inputs";

// Registration rows: every rule a new worker must pass (checked for a whole import in a
// fixed number of queries), and the multi-row insert. registerWorker and importWorkers
// share them, so one row and 5,000 rows meet the same rules.

/** A registration that passed every rule: the row to insert. */
export type ValidRow = Omit<Worker, "id" | "createdAt" | "updatedAt" | "coveredThrough">;

export class WorkerRows {
  constructor(private readonly db: DataSource) {}

  /** Checks registrations with the database answering in a fixed number of queries, not one per row. */
  async check(rows: RegisterWorkerInput[]): Promise<(ValidRow | DomainError)[]> {
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

  domicile(villageCode: string) {
    const { provinceCode, regencyCode, districtCode } = ancestorCodes(villageCode);
    return { villageCode, districtCode, regencyCode, provinceCode };
  }

  async assertMembershipFree(m: EntityManager, membershipNumber: string, workerId: string) {
    const other = await m.getRepository(Worker).findOneBy({ membershipNumber });
    if (other && other.id !== workerId) {
      throw new BadUserInputError(
        `Membership number ${membershipNumber} already belongs to another worker.`,
        "membershipNumber",
      );
    }
  }

  /** Multi-row insert; a NIK registered meanwhile is skipped and its id comes back null. */
  async insert(m: EntityManager, rows: ValidRow[]): Promise<(string | null)[]> {
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
