import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import { RegionLevel } from "@sertakan/schema";
import { Context } from "../../context";
import { Region } from "./region.entity";

@Resolver(() => Region)
export class RegionResolver {
  @Query(() => Region, {
    nullable: true,
    description: "One region by code; null when unknown. No sign-in needed.",
  })
  region(
    @Arg("code", () => ID, { description: "Kemendagri code at any level, e.g. 33.10." })
    code: string,
    @Ctx() ctx: Context,
  ): Promise<Region | null> {
    return ctx.loaders.regionByCode.load(code);
  }

  @Query(() => [Region], {
    description: "Regions of the national list (idn-area-data). No sign-in needed.",
  })
  regions(
    @Ctx() ctx: Context,
    @Arg("parentCode", () => ID, {
      nullable: true,
      description: "Only the regions directly below this one.",
    })
    parentCode?: string,
    @Arg("level", () => RegionLevel, { nullable: true, description: "Only regions of this level." })
    level?: RegionLevel,
    @Arg("search", () => String, {
      nullable: true,
      description: "Case-insensitive fragment of the name.",
    })
    search?: string,
    @Arg("first", () => Int, {
      nullable: true,
      defaultValue: 100,
      description: "Most regions to return.",
    })
    first?: number | null,
  ): Promise<Region[]> {
    return ctx.services.region.list({ parentCode, level, search, first: first ?? 100 });
  }

  @FieldResolver(() => Region, {
    nullable: true,
    description: "The region one level up; null for a province.",
  })
  parent(@Root() region: Region, @Ctx() ctx: Context): Promise<Region | null> | null {
    return region.parentCode ? ctx.loaders.regionByCode.load(region.parentCode) : null;
  }

  @FieldResolver(() => [Region], { description: "The regions one level down." })
  children(@Root() region: Region, @Ctx() ctx: Context): Promise<Region[]> {
    return ctx.loaders.regionChildren.load(region.code);
  }
}
