import { Role } from "@sertakan/schema";
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
import { Context, viewerOf } from "../../context";
import { connectionTypes } from "../../graphql/pagination";
import { Region } from "../region/region.entity";
import { Donor } from "../donor/donor.entity";
import { WorkerConnection } from "../worker/worker.resolver";
import { Engagement, Partner } from "./partner.entity";
import { EngagementInput, PartnerFilter, PartnerInput } from "./partner.inputs";

export const { Connection: PartnerConnection } = connectionTypes("Partner", Partner);

@Authorized()
@Resolver(() => Partner)
export class PartnerResolver {
  @Query(() => Partner, { nullable: true })
  partner(@Arg("id", () => ID) id: string, @Ctx() ctx: Context): Promise<Partner | null> {
    return ctx.services.partner.get(viewerOf(ctx), id);
  }

  @Query(() => PartnerConnection)
  async partners(
    @Ctx() ctx: Context,
    @Arg("filter", () => PartnerFilter, { nullable: true }) filter?: PartnerFilter,
    @Arg("first", () => Int, { nullable: true, defaultValue: 50 }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
  ) {
    return PartnerConnection.of(
      await ctx.services.partner.list(viewerOf(ctx), filter, first, after),
    );
  }

  @Authorized(Role.ADMIN, Role.OFFICER)
  @Mutation(() => Partner)
  createPartner(
    @Arg("input", () => PartnerInput) input: PartnerInput,
    @Ctx() ctx: Context,
  ): Promise<Partner> {
    return ctx.services.partner.create(viewerOf(ctx), input);
  }

  @Authorized(Role.ADMIN, Role.OFFICER)
  @Mutation(() => Partner)
  updatePartner(
    @Arg("id", () => ID) id: string,
    @Arg("input", () => PartnerInput) input: PartnerInput,
    @Ctx() ctx: Context,
  ): Promise<Partner> {
    return ctx.services.partner.update(viewerOf(ctx), id, input);
  }

  @Authorized(Role.ADMIN, Role.OFFICER)
  @Mutation(() => Engagement)
  recordEngagement(
    @Arg("input", () => EngagementInput) input: EngagementInput,
    @Ctx() ctx: Context,
  ): Promise<Engagement> {
    return ctx.services.partner.recordEngagement(viewerOf(ctx), input);
  }

  @FieldResolver(() => Region)
  region(@Root() partner: Partner, @Ctx() ctx: Context) {
    return ctx.loaders.regionByCode.load(partner.regionCode);
  }

  @FieldResolver(() => Donor, { nullable: true })
  donor(@Root() partner: Partner, @Ctx() ctx: Context) {
    return ctx.loaders.donorByPartner.load(partner.id);
  }

  @FieldResolver(() => [Engagement])
  engagements(@Root() partner: Partner, @Ctx() ctx: Context) {
    return ctx.loaders.engagementsByPartner.load(partner.id);
  }

  @FieldResolver(() => WorkerConnection)
  async recruitedWorkers(
    @Root() partner: Partner,
    @Ctx() ctx: Context,
    @Arg("first", () => Int, { nullable: true, defaultValue: 50 }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
  ) {
    return WorkerConnection.of(
      await ctx.services.worker.recruitedBy(viewerOf(ctx), ctx.loaders, partner.id, first, after),
    );
  }
}

@Authorized()
@Resolver(() => Engagement)
export class EngagementResolver {
  @FieldResolver(() => Partner)
  async partner(@Root() engagement: Engagement, @Ctx() ctx: Context) {
    return ctx.loaders.partnerById.load(engagement.partnerId);
  }
}
