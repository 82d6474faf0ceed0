import {
  Arg,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from "type-graphql";
import { Role } from "@sertakan/schema";
import { Context, viewerOf } from "../../context";
import { YearMonthScalar } from "../../graphql/scalars";
import { Region } from "../region/region.entity";
import {
  CoveragePoint,
  CoverageStats,
  RegionalTarget,
  RegionalTargetInput,
  TargetProgress,
} from "./coverage.types";

@Resolver(() => CoverageStats)
export class CoverageStatsResolver {
  @Authorized()
  @Query(() => CoverageStats, { description: "Defaults to the current month." })
  async coverageStats(
    @Arg("regionCode", () => ID, {
      description: "A region code at any level inside your scope, e.g. 33.10.",
    })
    regionCode: string,
    @Ctx() ctx: Context,
    @Arg("asOf", () => YearMonthScalar, {
      nullable: true,
      description: "The month; defaults to the current month (Asia/Jakarta).",
    })
    asOf?: string,
  ): Promise<CoverageStats> {
    await ctx.services.coverage.requireRegion(viewerOf(ctx), regionCode, ctx.loaders.regionByCode);
    return ctx.loaders.coverageStats.load(`${regionCode}|${ctx.services.coverage.asOf(asOf)}`);
  }

  @Authorized()
  @Query(() => [CoveragePoint], {
    description: "Coverage of a region month by month, at most 60 months.",
  })
  coverageTimeline(
    @Arg("regionCode", () => ID, { description: "A region code at any level inside your scope." })
    regionCode: string,
    @Arg("from", () => YearMonthScalar, { description: "First month." }) from: string,
    @Arg("to", () => YearMonthScalar, { description: "Last month, included." }) to: string,
    @Ctx() ctx: Context,
  ): Promise<CoveragePoint[]> {
    return ctx.services.coverage.timeline(viewerOf(ctx), regionCode, from, to);
  }

  @FieldResolver(() => Region, { description: "The region the figures are for." })
  region(@Root() stats: CoverageStats, @Ctx() ctx: Context) {
    return ctx.loaders.regionByCode.load(stats.regionCode);
  }

  @FieldResolver(() => [CoverageStats], {
    description:
      "The same figures for each child region (districts of a regency, villages of a district).",
  })
  async children(@Root() stats: CoverageStats, @Ctx() ctx: Context): Promise<CoverageStats[]> {
    const children = await ctx.loaders.regionChildren.load(stats.regionCode);
    const all = await ctx.loaders.coverageStats.loadMany(
      children.map((c) => `${c.code}|${stats.asOf}`),
    );
    return all.map((s) => {
      if (s instanceof Error) throw s;
      return s;
    });
  }
}

@Resolver(() => RegionalTarget)
export class RegionalTargetResolver {
  @Authorized()
  @Query(() => [RegionalTarget], { description: "Coverage targets inside your scope." })
  regionalTargets(
    @Ctx() ctx: Context,
    @Arg("regionCode", () => ID, {
      nullable: true,
      description: "Only the targets of exactly this region.",
    })
    regionCode?: string,
    @Arg("year", () => Int, { nullable: true, description: "Only targets for this year." })
    year?: number,
  ): Promise<RegionalTarget[]> {
    return ctx.services.coverage.targets(viewerOf(ctx), regionCode, year);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => RegionalTarget, {
    description: "Creates or replaces the target of that region and year.",
  })
  setRegionalTarget(
    @Arg("input", () => RegionalTargetInput, {
      description: "The target's region, year and figures.",
    })
    input: RegionalTargetInput,
    @Ctx() ctx: Context,
  ): Promise<RegionalTarget> {
    return ctx.services.coverage.setTarget(viewerOf(ctx), input);
  }

  @FieldResolver(() => Region, { description: "The region the target is for." })
  region(@Root() target: RegionalTarget, @Ctx() ctx: Context) {
    return ctx.loaders.regionByCode.load(target.regionCode);
  }

  @FieldResolver(() => TargetProgress, { description: "How far the region is, in one month." })
  async progress(
    @Root() target: RegionalTarget,
    @Ctx() ctx: Context,
    @Arg("asOf", () => YearMonthScalar, {
      nullable: true,
      description: "The month; defaults to the current month.",
    })
    asOf?: string,
  ): Promise<TargetProgress> {
    const month = ctx.services.coverage.asOf(asOf);
    const stats = await ctx.loaders.coverageStats.load(`${target.regionCode}|${month}`);
    const covered = target.baselineCovered + stats.active;
    return {
      asOf: month,
      sponsoredActive: stats.active,
      covered,
      coverageRate: covered / target.informalWorkers,
      attainment: covered / target.targetCovered,
    };
  }
}
