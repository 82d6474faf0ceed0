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
import { SponsorshipStatus } from "@sertakan/schema";
import { checkPageSize } from "../../graphql/pagination";
import { SponsorshipConnection } from "../sponsorship/sponsorship.resolver";
import { DonorSummary } from "./donor-summary";
import { Context, viewerOf } from "../../context";
import { AfterCursorArg, PageSizeArg, connectionTypes } from "../../graphql/pagination";
import { Region } from "../region/region.entity";
import { Partner } from "../partner/partner.entity";
import { Donor } from "./donor.entity";
import { DonorFilter, DonorInput } from "./donor.inputs";

export const { Connection: DonorConnection } = connectionTypes("Donor", Donor);

@Resolver(() => Donor)
export class DonorResolver {
  @Authorized()
  @Query(() => Donor, {
    nullable: true,
    description: "One donor; null when unknown or outside your scope.",
  })
  donor(
    @Arg("id", () => ID, { description: "The donor's id." }) id: string,
    @Ctx() ctx: Context,
  ): Promise<Donor | null> {
    return ctx.services.donor.get(viewerOf(ctx), id);
  }

  @Authorized()
  @Query(() => DonorConnection, { description: "Donors inside your scope, a page at a time." })
  async donors(
    @Ctx() ctx: Context,
    @Arg("filter", () => DonorFilter, { nullable: true, description: "Narrows the list." })
    filter?: DonorFilter,
    @PageSizeArg()
    first?: number,
    @AfterCursorArg()
    after?: string,
  ) {
    return DonorConnection.of(await ctx.services.donor.list(viewerOf(ctx), filter, first, after));
  }

  @Authorized(Role.ADMIN, Role.OFFICER)
  @Mutation(() => Donor, { description: "Registers a donor inside your scope." })
  createDonor(
    @Arg("input", () => DonorInput, { description: "The donor's details." }) input: DonorInput,
    @Ctx() ctx: Context,
  ): Promise<Donor> {
    return ctx.services.donor.create(viewerOf(ctx), input);
  }

  @Authorized(Role.ADMIN, Role.OFFICER)
  @Mutation(() => Donor, { description: "Replaces a donor's details." })
  updateDonor(
    @Arg("id", () => ID, { description: "The donor to change." }) id: string,
    @Arg("input", () => DonorInput, { description: "The donor's new details." }) input: DonorInput,
    @Ctx() ctx: Context,
  ): Promise<Donor> {
    return ctx.services.donor.update(viewerOf(ctx), id, input);
  }

  @FieldResolver(() => Region, {
    description: "Where the donor is based; region scopes apply to it.",
  })
  region(@Root() donor: Donor, @Ctx() ctx: Context) {
    return ctx.loaders.regionByCode.load(donor.regionCode);
  }

  @FieldResolver(() => Partner, {
    nullable: true,
    description: "Set when the donor is one of the partners.",
  })
  partner(@Root() donor: Donor, @Ctx() ctx: Context) {
    return donor.partnerId ? ctx.loaders.partnerById.load(donor.partnerId) : null;
  }

  @FieldResolver(() => SponsorshipConnection, { description: "Newest pledges first." })
  async sponsorships(
    @Root() donor: Donor,
    @Ctx() ctx: Context,
    @Arg("status", () => [SponsorshipStatus], {
      nullable: true,
      description: "Only sponsorships in these statuses.",
    })
    status?: SponsorshipStatus[],
    @PageSizeArg()
    first?: number,
    @AfterCursorArg()
    after?: string,
  ) {
    if (after) {
      return SponsorshipConnection.of(
        await ctx.services.sponsorship.list(
          viewerOf(ctx),
          { donorId: donor.id, status },
          first,
          after,
        ),
      );
    }
    // First pages are batched across the donors of a list.
    const size = checkPageSize(first);
    const statuses = [...new Set(status ?? [])].sort();
    const { rows, total } = await ctx.loaders.donorSponsorshipsFirstPage.load({
      donorId: donor.id,
      statuses,
      first: size,
    });
    return SponsorshipConnection.of(ctx.services.sponsorship.pageOf(rows, total));
  }

  @FieldResolver(() => DonorSummary, {
    description: "What the donor has pledged, paid, owes and holds as credit.",
  })
  summary(@Root() donor: Donor, @Ctx() ctx: Context) {
    return ctx.loaders.donorSummary.load(donor.id);
  }
}
