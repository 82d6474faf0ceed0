import { DataSource } from "typeorm";
import { Access, BadUserInputError, assertCanWriteIn, canSeeRegion } from "@sertakan/schema";
import { isUuid, notFound, requireUuid } from "../../graphql/ids";
import { keysetPage } from "../../graphql/keyset";
import { checkPageSize } from "../../graphql/pagination";
import { writeAudit } from "../audit/audit.service";
import { regionCodeInScope, regionCodeInside } from "../auth/scope";
import type { Viewer } from "../auth/viewer";
import { RegionService, escapeLike } from "../region/region.service";
import { Engagement, Partner } from "./partner.entity";
import { EngagementInput, PartnerFilter, PartnerInput } from "./partner.inputs";

export class PartnerService {
  constructor(
    private readonly db: DataSource,
    private readonly regions: RegionService,
  ) {}

  /** A partner outside the caller's scope is answered as not found (null). */
  async get(access: Access, id: string): Promise<Partner | null> {
    const partner = isUuid(id) ? await this.db.getRepository(Partner).findOneBy({ id }) : null;
    return partner && canSeeRegion(access, partner.regionCode) ? partner : null;
  }

  /** A partner named in input: it must exist and be visible to the caller. */
  async require(access: Access, id: string, field: string): Promise<Partner> {
    const partner = await this.get(access, requireUuid(id, field));
    if (!partner) throw notFound("partner", id, field);
    return partner;
  }

  list(
    access: Access,
    filter: PartnerFilter | null | undefined,
    first: number | undefined,
    after: string | null | undefined,
  ) {
    const qb = this.db.getRepository(Partner).createQueryBuilder("p");
    const scope = regionCodeInScope(access, "p.region_code");
    if (scope) qb.andWhere(scope.sql, scope.params);
    if (filter?.search?.trim())
      qb.andWhere("p.name ILIKE :search", { search: `%${escapeLike(filter.search.trim())}%` });
    if (filter?.kind?.length) qb.andWhere("p.kind = ANY(:kinds)", { kinds: filter.kind });
    if (filter?.regionCode) {
      const inside = regionCodeInside("p.region_code", "region", filter.regionCode);
      qb.andWhere(inside.sql, inside.params);
    }
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

  async create(viewer: Viewer, input: PartnerInput): Promise<Partner> {
    await this.validate(viewer, input);
    return this.db.transaction(async (m) => {
      const repo = m.getRepository(Partner);
      const saved = await repo.save(repo.create(this.columns(input)));
      await writeAudit(m, viewer, {
        action: "createPartner",
        entity: "partner",
        entityId: saved.id,
        changes: this.columns(input),
      });
      return repo.findOneByOrFail({ id: saved.id });
    });
  }

  async update(viewer: Viewer, id: string, input: PartnerInput): Promise<Partner> {
    const current = await this.require(viewer, id, "id");
    assertCanWriteIn(viewer, current.regionCode, "partner", "id");
    await this.validate(viewer, input);
    return this.db.transaction(async (m) => {
      const repo = m.getRepository(Partner);
      await repo.update({ id }, { ...this.columns(input), updatedAt: new Date() });
      await writeAudit(m, viewer, {
        action: "updatePartner",
        entity: "partner",
        entityId: id,
        changes: this.columns(input),
      });
      return repo.findOneByOrFail({ id });
    });
  }

  async recordEngagement(viewer: Viewer, input: EngagementInput): Promise<Engagement> {
    const partner = await this.require(viewer, input.partnerId, "partnerId");
    assertCanWriteIn(viewer, partner.regionCode, "partner", "partnerId");
    return this.db.transaction(async (m) => {
      const repo = m.getRepository(Engagement);
      const columns = {
        partnerId: input.partnerId,
        kind: input.kind,
        date: input.date,
        notes: input.notes ?? null,
        attendees: input.attendees ?? null,
      };
      const saved = await repo.save(repo.create(columns));
      await writeAudit(m, viewer, {
        action: "recordEngagement",
        entity: "engagement",
        entityId: saved.id,
        changes: columns,
      });
      return repo.findOneByOrFail({ id: saved.id });
    });
  }

  private async validate(viewer: Viewer, input: PartnerInput): Promise<void> {
    await this.regions.require(input.regionCode, "regionCode");
    assertCanWriteIn(viewer, input.regionCode, "partner", "regionCode");
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
