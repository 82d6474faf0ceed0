import { Role } from "@sertakan/schema";
import {
  Arg,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Mutation,
  Query,
  Resolver,
  Root,
} from "type-graphql";
import { Context, viewerOf } from "../../context";
import { AfterCursorArg, PageSizeArg, connectionTypes } from "../../graphql/pagination";
import { Region } from "../region/region.entity";
import { Donor } from "../donor/donor.entity";
import { WorkerConnection } from "../worker/worker.resolver";
import { Engagement, Partner } from "./partner.entity";
import { EngagementInput, PartnerFilter, PartnerInput } from "./partner.inputs";

export const { Connection: PartnerConnection } = connectionTypes("Partner", Partner);

@Resolver(() => Partner)
export class PartnerResolver {
  @Authorized()
  @Query(() => Partner, {
    nullable: true,
    description: "One partner; null when unknown or outside your scope.",
  })
  partner(
    @Arg("id", () => ID, { description: "The partner's id." }) id: string,
    @Ctx() ctx: Context,
  ): Promise<Partner | null> {
    return ctx.services.partner.get(viewerOf(ctx), id);
  }

  @Authorized()
  @Query(() => PartnerConnection, { description: "Partners inside your scope, a page at a time." })
  async partners(
    @Ctx() ctx: Context,
    @Arg("filter", () => PartnerFilter, { nullable: true, description: "Narrows the list." })
    filter?: PartnerFilter,
    @PageSizeArg()
    first?: number,
    @AfterCursorArg()
    after?: string,
  ) {
    return PartnerConnection.of(
      await ctx.services.partner.list(viewerOf(ctx), filter, first, after),
    );
  }

  @Authorized(Role.ADMIN, Role.OFFICER)
  @Mutation(() => Partner, {
    description: "Registers a partner (PLKK, Perisai agent, company\u2026) inside your scope.",
  })
  createPartner(
    @Arg("input", () => PartnerInput, { description: "The partner's details." })
    input: PartnerInput,
    @Ctx() ctx: Context,
  ): Promise<Partner> {
    return ctx.services.partner.create(viewerOf(ctx), input);
  }

  @Authorized(Role.ADMIN, Role.OFFICER)
  @Mutation(() => Partner, { description: "Replaces a partner's details." })
  updatePartner(
    @Arg("id", () => ID, { description: "The partner to change." }) id: string,
    @Arg("input", () => PartnerInput, { description: "The partner's new details." })
    input: PartnerInput,
    @Ctx() ctx: Context,
  ): Promise<Partner> {
    return ctx.services.partner.update(viewerOf(ctx), id, input);
  }

  @Authorized(Role.ADMIN, Role.OFFICER)
  @Mutation(() => Engagement, { description: "Records a meeting or activity with a partner." })
  recordEngagement(
    @Arg("input", () => EngagementInput, { description: "The engagement." }) input: EngagementInput,
    @Ctx() ctx: Context,
  ): Promise<Engagement> {
    return ctx.services.partner.recordEngagement(viewerOf(ctx), input);
  }

  @FieldResolver(() => Region, {
    description: "Where the partner is based; region scopes apply to it.",
  })
  region(@Root() partner: Partner, @Ctx() ctx: Context) {
    return ctx.loaders.regionByCode.load(partner.regionCode);
  }

  @FieldResolver(() => Donor, {
    nullable: true,
    description: "The donor record of this partner, when it also gives.",
  })
  donor(@Root() partner: Partner, @Ctx() ctx: Context) {
    return ctx.loaders.donorByPartner.load(partner.id);
  }

  @FieldResolver(() => [Engagement], { description: "Meetings and activities with this partner." })
  engagements(@Root() partner: Partner, @Ctx() ctx: Context) {
    return ctx.loaders.engagementsByPartner.load(partner.id);
  }

  @FieldResolver(() => WorkerConnection, {
    description: "Workers this partner recruited, inside your scope.",
  })
  async recruitedWorkers(
    @Root() partner: Partner,
    @Ctx() ctx: Context,
    @PageSizeArg()
    first?: number,
    @AfterCursorArg()
    after?: string,
  ) {
    return WorkerConnection.of(
      await ctx.services.worker.recruitedBy(
        viewerOf(ctx),
        ctx.loaders.recruitedWorkersFirstPage,
        partner.id,
        first,
        after,
      ),
    );
  }
}

@Resolver(() => Engagement)
export class EngagementResolver {
  @FieldResolver(() => Partner, { description: "The partner met." })
  async partner(@Root() engagement: Engagement, @Ctx() ctx: Context) {
    return ctx.loaders.partnerById.load(engagement.partnerId);
  }
}
