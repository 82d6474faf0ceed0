import { DataSource } from "typeorm";
import {
  Access,
  ForbiddenError,
  ProgramPackage,
  agentFeeRuleAt,
  canSeeRegion,
  parseYearMonth,
} from "@sertakan/schema";
import { RegionService } from "../region/region.service";
import { AGENT_COMMISSION_SQL } from "./commission.sql";
import { AgentCommission } from "./commission.types";

export class CommissionService {
  constructor(
    private readonly db: DataSource,
    private readonly regions: RegionService,
  ) {}

  /**
   * Every Perisai agent of the region (default: the caller's scope; nationwide for national
   * callers), with their fees for `month`, in one statement.
   */
  async forMonth(
    access: Access,
    month: string,
    regionCode?: string | null,
  ): Promise<AgentCommission[]> {
    const rule = agentFeeRuleAt(parseYearMonth(month, "month"));
    const region = regionCode ?? access.regionScope;
    if (regionCode) {
      await this.regions.require(regionCode, "regionCode");
      if (!canSeeRegion(access, regionCode))
        throw new ForbiddenError(
          `Region ${regionCode} is outside your scope ${access.regionScope}.`,
          "regionCode",
        );
    }
    const bands = rule.contributionBands;
    const rows: Omit<AgentCommission, "month">[] = await this.db.query(AGENT_COMMISSION_SQL, [
      `${month}-01`,
      region,
      region ? `${region}.%` : null,
      rule.acquisitionFee[ProgramPackage.JKK_JKM],
      rule.acquisitionFee[ProgramPackage.JKK_JKM_JHT],
      rule.minNewRecruits,
      bands.map((b) => b.fromPlace),
      bands.map((b) => b.toPlace),
      bands.map((b) => b.rate),
      rule.institutionRate,
      rule.suspendAfterIdleMonths,
    ]);
    return rows.map((row) => Object.assign(new AgentCommission(), row, { month }));
  }
}
