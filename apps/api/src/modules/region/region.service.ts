import type DataLoader from "dataloader";
import { DataSource } from "typeorm";
import { BadUserInputError, RegionLevel, isRegionCode } from "@sertakan/schema";
import { Region } from "./region.entity";

export type RegionQuery = {
  parentCode?: string | null;
  level?: RegionLevel | null;
  search?: string | null;
  first: number;
};

export class RegionService {
  constructor(private readonly db: DataSource) {}

  async list({ parentCode, level, search, first }: RegionQuery): Promise<Region[]> {
    if (!Number.isInteger(first) || first < 1 || first > 1000) {
      throw new BadUserInputError(`first must be between 1 and 1000, got ${first}.`, "first");
    }
    const qb = this.db
      .getRepository(Region)
      .createQueryBuilder("r")
      .orderBy("r.code", "ASC")
      .limit(first);
    if (parentCode) qb.andWhere("r.parent_code = :parentCode", { parentCode });
    if (level) qb.andWhere("r.level = :level", { level });
    if (search?.trim())
      qb.andWhere("r.name ILIKE :pattern", { pattern: `%${escapeLike(search.trim())}%` });
    return qb.getMany();
  }

  /**
   * The region with this code, or a coded error naming the field that referred to it. With a
   * request's loader, the regions a request names are looked up in one statement.
   */
  async require(
    code: string,
    field: string,
    level?: RegionLevel,
    loader?: DataLoader<string, Region | null>,
  ): Promise<Region> {
    const region = !isRegionCode(code)
      ? null
      : loader
        ? await loader.load(code)
        : await this.db.getRepository(Region).findOneBy({ code });
    if (!region) throw new BadUserInputError(`There is no region with code "${code}".`, field);
    if (level && region.level !== level) {
      throw new BadUserInputError(
        `${code} (${region.name}) is a ${region.level.toLowerCase()}, not a ${level.toLowerCase()}.`,
        field,
      );
    }
    return region;
  }

  async existingCodes(codes: string[]): Promise<Set<string>> {
    const rows: { code: string }[] = await this.db.query(
      `SELECT code FROM region WHERE code = ANY($1::varchar[])`,
      [codes],
    );
    return new Set(rows.map((r) => r.code));
  }
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
