import { DataSource } from "typeorm";
import {
  Access,
  ConflictError,
  assertCanWriteIn,
  canSeeRegion,
  normalizeDonorNumber,
} from "@sertakan/schema";
import { isUuid, notFound, requireUuid } from "../../graphql/ids";
import { keysetPage } from "../../graphql/keyset";
import { checkPageSize } from "../../graphql/pagination";
import { writeAudit } from "../audit/audit.service";
import { regionCodeInScope, regionCodeInside } from "../auth/scope";
import type { Viewer } from "../auth/viewer";
import { PartnerService } from "../partner/partner.service";
import { RegionService, escapeLike } from "../region/region.service";
import { Donor } from "./donor.entity";
import { DonorFilter, DonorInput } from "./donor.inputs";

export class DonorService {
  constructor(
    private readonly db: DataSource,
    private readonly regions: RegionService,
    private readonly partners: PartnerService,
  ) {}

  /** A donor outside the caller's scope is answered as not found (null). */
  async get(access: Access, id: string): Promise<Donor | null> {
    const donor = isUuid(id) ? await this.db.getRepository(Donor).findOneBy({ id }) : null;
    return donor && canSeeRegion(access, donor.regionCode) ? donor : null;
  }

  async require(access: Access, id: string, field: string): Promise<Donor> {
    const donor = await this.get(access, requireUuid(id, field));
    if (!donor) throw notFound("donor", id, field);
    return donor;
  }

  /** A donor whose money or pledges the caller is about to change. */
  async requireWritable(viewer: Viewer, id: string, field: string): Promise<Donor> {
    const donor = await this.require(viewer, id, field);
    assertCanWriteIn(viewer, donor.regionCode, "donor", field);
    return donor;
  }

  list(
    access: Access,
    filter: DonorFilter | null | undefined,
    first: number | undefined,
    after: string | null | undefined,
  ) {
    const qb = this.db.getRepository(Donor).createQueryBuilder("d");
    const scope = regionCodeInScope(access, "d.region_code");
    if (scope) qb.andWhere(scope.sql, scope.params);
    if (filter?.search?.trim())
      qb.andWhere("d.name ILIKE :search", { search: `%${escapeLike(filter.search.trim())}%` });
    if (filter?.kind?.length) qb.andWhere("d.kind = ANY(:kinds)", { kinds: filter.kind });
    if (filter?.regionCode) {
      const inside = regionCodeInside("d.region_code", "region", filter.regionCode);
      qb.andWhere(inside.sql, inside.params);
    }
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

  async create(viewer: Viewer, input: DonorInput): Promise<Donor> {
    await this.validate(viewer, input, null);
    return this.db.transaction(async (m) => {
      const repo = m.getRepository(Donor);
      const saved = await repo.save(repo.create(this.columns(input)));
      await writeAudit(m, viewer, {
        action: "createDonor",
        entity: "donor",
        entityId: saved.id,
        changes: this.columns(input),
      });
      return repo.findOneByOrFail({ id: saved.id });
    });
  }

  async update(viewer: Viewer, id: string, input: DonorInput): Promise<Donor> {
    const current = await this.requireWritable(viewer, id, "id");
    await this.validate(viewer, input, id, current.partnerId);
    return this.db.transaction(async (m) => {
      const repo = m.getRepository(Donor);
      // A client that does not know the donor number leaves it as it is.
      const columns = this.columns(input, current.accountNumber);
      await repo.update({ id }, { ...columns, updatedAt: new Date() });
      await writeAudit(m, viewer, {
        action: "updateDonor",
        entity: "donor",
        entityId: id,
        changes: columns,
      });
      return repo.findOneByOrFail({ id });
    });
  }

  private async validate(
    viewer: Viewer,
    input: DonorInput,
    donorId: string | null,
    keptPartnerId: string | null = null,
  ): Promise<void> {
    await this.regions.require(input.regionCode, "regionCode");
    assertCanWriteIn(viewer, input.regionCode, "donor", "regionCode");
    const accountNumber = normalizeDonorNumber(input.accountNumber);
    if (accountNumber) {
      const holder = await this.db.getRepository(Donor).findOneBy({ accountNumber });
      if (holder && holder.id !== donorId)
        throw new ConflictError(
          `Donor number ${accountNumber} is already the number of donor "${holder.name}".`,
          "accountNumber",
        );
    }
    // The link a donor already has is kept as it is, even to a partner outside the caller's
    // scope: an edit replaces every detail, and the officer did not choose that partner.
    if (input.partnerId && input.partnerId !== keptPartnerId) {
      const partner = await this.partners.require(viewer, input.partnerId, "partnerId");
      const other = await this.db.getRepository(Donor).findOneBy({ partnerId: partner.id });
      if (other && other.id !== donorId) {
        throw new ConflictError(
          `Partner "${partner.name}" is already the donor "${other.name}".`,
          "partnerId",
        );
      }
    }
  }

  private columns(input: DonorInput, keptAccountNumber: string | null = null) {
    return {
      accountNumber:
        input.accountNumber === undefined
          ? keptAccountNumber
          : normalizeDonorNumber(input.accountNumber),
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
