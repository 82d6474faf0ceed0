import { DataSource } from "typeorm";
import { ConflictError } from "@sertakan/schema";
import { isUuid, notFound, requireUuid } from "../../graphql/ids";
import { keysetPage } from "../../graphql/keyset";
import { checkPageSize } from "../../graphql/pagination";
import { PartnerService, insideRegionParams, insideRegionSql } from "../partner/partner.service";
import { RegionService, escapeLike } from "../region/region.service";
import { Donor } from "./donor.entity";
import { DonorFilter, DonorInput } from "./donor.inputs";

export class DonorService {
  constructor(
    private readonly db: DataSource,
    private readonly regions: RegionService,
    private readonly partners: PartnerService,
  ) {}

  get(id: string): Promise<Donor | null> {
    return isUuid(id) ? this.db.getRepository(Donor).findOneBy({ id }) : Promise.resolve(null);
  }

  async require(id: string, field: string): Promise<Donor> {
    const donor = await this.get(requireUuid(id, field));
    if (!donor) throw notFound("donor", id, field);
    return donor;
  }

  list(
    filter: DonorFilter | null | undefined,
    first: number | undefined,
    after: string | null | undefined,
  ) {
    const qb = this.db.getRepository(Donor).createQueryBuilder("d");
    if (filter?.search?.trim())
      qb.andWhere("d.name ILIKE :search", { search: `%${escapeLike(filter.search.trim())}%` });
    if (filter?.kind?.length) qb.andWhere("d.kind = ANY(:kinds)", { kinds: filter.kind });
    if (filter?.regionCode)
      qb.andWhere(
        insideRegionSql("d.region_code", "region"),
        insideRegionParams("region", filter.regionCode),
      );
    return keysetPage(qb, {
      first: checkPageSize(first),
      after,
      direction: "ASC",
      keys: [
        { column: "d.name", value: (d) => d.name },
        { column: "d.id", value: (d) => d.id },
      ],
    });
  }

  async create(input: DonorInput): Promise<Donor> {
    await this.validate(input, null);
    const repo = this.db.getRepository(Donor);
    const saved = await repo.save(repo.create(this.columns(input)));
    return repo.findOneByOrFail({ id: saved.id });
  }

  async update(id: string, input: DonorInput): Promise<Donor> {
    await this.require(id, "id");
    await this.validate(input, id);
    const repo = this.db.getRepository(Donor);
    await repo.update({ id }, { ...this.columns(input), updatedAt: new Date() });
    return repo.findOneByOrFail({ id });
  }

  private async validate(input: DonorInput, donorId: string | null): Promise<void> {
    await this.regions.require(input.regionCode, "regionCode");
    if (input.partnerId) {
      const partner = await this.partners.require(input.partnerId, "partnerId");
      const other = await this.db.getRepository(Donor).findOneBy({ partnerId: partner.id });
      if (other && other.id !== donorId) {
        throw new ConflictError(
          `Partner "${partner.name}" is already the donor "${other.name}".`,
          "partnerId",
        );
      }
    }
  }

  private columns(input: DonorInput) {
    return {
      kind: input.kind,
      name: input.name.trim(),
      taxId: input.taxId ?? null,
      contactName: input.contactName ?? null,
      phone: input.phone ?? null,
      email: input.email ?? null,
      regionCode: input.regionCode,
      partnerId: input.partnerId ?? null,
    };
  }
}
