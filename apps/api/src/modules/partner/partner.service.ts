import { DataSource } from "typeorm";
import { BadUserInputError, RegionLevel, isRegionCode } from "@sertakan/schema";
import { isUuid, notFound, requireUuid } from "../../graphql/ids";
import { keysetPage } from "../../graphql/keyset";
import { checkPageSize } from "../../graphql/pagination";
import { RegionService, escapeLike } from "../region/region.service";
import { Engagement, Partner } from "./partner.entity";
import { EngagementInput, PartnerFilter, PartnerInput } from "./partner.inputs";

/** `region_code` of partners and donors may be any level; "inside X" is X itself or a code below it. */
export function insideRegionSql(column: string, param: string): string {
  return `(${column} = :${param} OR ${column} LIKE :${param}Prefix)`;
}

export function insideRegionParams(param: string, code: string): Record<string, string> {
  if (!isRegionCode(code))
    throw new BadUserInputError(`"${code}" is not a region code such as 33.10.`, "regionCode");
  return { [param]: code, [`${param}Prefix`]: `${code}.%` };
}

export class PartnerService {
  constructor(
    private readonly db: DataSource,
    private readonly regions: RegionService,
  ) {}

  get(id: string): Promise<Partner | null> {
    return isUuid(id) ? this.db.getRepository(Partner).findOneBy({ id }) : Promise.resolve(null);
  }

  async require(id: string, field: string): Promise<Partner> {
    const partner = await this.get(requireUuid(id, field));
    if (!partner) throw notFound("partner", id, field);
    return partner;
  }

  list(
    filter: PartnerFilter | null | undefined,
    first: number | undefined,
    after: string | null | undefined,
  ) {
    const qb = this.db.getRepository(Partner).createQueryBuilder("p");
    if (filter?.search?.trim())
      qb.andWhere("p.name ILIKE :search", { search: `%${escapeLike(filter.search.trim())}%` });
    if (filter?.kind?.length) qb.andWhere("p.kind = ANY(:kinds)", { kinds: filter.kind });
    if (filter?.regionCode)
      qb.andWhere(
        insideRegionSql("p.region_code", "region"),
        insideRegionParams("region", filter.regionCode),
      );
    if (filter?.active != null) qb.andWhere("p.active = :active", { active: filter.active });
    return keysetPage(qb, {
      first: checkPageSize(first),
      after,
      direction: "ASC",
      keys: [
        { column: "p.name", value: (p) => p.name },
        { column: "p.id", value: (p) => p.id },
      ],
    });
  }

  async create(input: PartnerInput): Promise<Partner> {
    await this.validate(input);
    const repo = this.db.getRepository(Partner);
    const saved = await repo.save(repo.create(this.columns(input)));
    return repo.findOneByOrFail({ id: saved.id });
  }

  async update(id: string, input: PartnerInput): Promise<Partner> {
    await this.require(id, "id");
    await this.validate(input);
    const repo = this.db.getRepository(Partner);
    await repo.update({ id }, { ...this.columns(input), updatedAt: new Date() });
    return repo.findOneByOrFail({ id });
  }

  async recordEngagement(input: EngagementInput): Promise<Engagement> {
    await this.require(input.partnerId, "partnerId");
    const repo = this.db.getRepository(Engagement);
    const saved = await repo.save(
      repo.create({
        partnerId: input.partnerId,
        kind: input.kind,
        date: input.date,
        notes: input.notes ?? null,
        attendees: input.attendees ?? null,
      }),
    );
    return repo.findOneByOrFail({ id: saved.id });
  }

  private async validate(input: PartnerInput): Promise<void> {
    await this.regions.require(input.regionCode, "regionCode");
    if (input.agreementStart && input.agreementEnd && input.agreementEnd < input.agreementStart) {
      throw new BadUserInputError("agreementEnd cannot be before agreementStart.", "agreementEnd");
    }
  }

  private columns(input: PartnerInput) {
    return {
      kind: input.kind,
      name: input.name.trim(),
      regionCode: input.regionCode,
      address: input.address ?? null,
      phone: input.phone ?? null,
      email: input.email ?? null,
      agreementNumber: input.agreementNumber ?? null,
      agreementStart: input.agreementStart ?? null,
      agreementEnd: input.agreementEnd ?? null,
      active: input.active ?? true,
    };
  }
}

// Regions a partner may sit in: anything below province level is fine, a province too.
export const PARTNER_REGION_LEVELS = [
  RegionLevel.PROVINCE,
  RegionLevel.REGENCY,
  RegionLevel.DISTRICT,
  RegionLevel.VILLAGE,
];
