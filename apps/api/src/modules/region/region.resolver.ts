import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import { RegionLevel } from "@sertakan/schema";
import { Context } from "../../context";
import { Region } from "./region.entity";

@Resolver(() => Region)
export class RegionResolver {
  @Query(() => Region, { nullable: true })
  region(@Arg("code", () => ID) code: string, @Ctx() ctx: Context): Promise<Region | null> {
    return ctx.loaders.regionByCode.load(code);
  }

  @Query(() => [Region])
  regions(
    @Ctx() ctx: Context,
    @Arg("parentCode", () => ID, { nullable: true }) parentCode?: string,
    @Arg("level", () => RegionLevel, { nullable: true }) level?: RegionLevel,
    @Arg("search", () => String, { nullable: true }) search?: string,
    @Arg("first", () => Int, { nullable: true, defaultValue: 100 }) first?: number | null,
  ): Promise<Region[]> {
    return ctx.services.region.list({ parentCode, level, search, first: first ?? 100 });
  }

  @FieldResolver(() => Region, { nullable: true })
  parent(@Root() region: Region, @Ctx() ctx: Context): Promise<Region | null> | null {
    return region.parentCode ? ctx.loaders.regionByCode.load(region.parentCode) : null;
  }

  @FieldResolver(() => [Region])
  children(@Root() region: Region, @Ctx() ctx: Context): Promise<Region[]> {
    return ctx.loaders.regionChildren.load(region.code);
  }
}
