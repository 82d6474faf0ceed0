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
import { SponsorshipStatus, sponsorshipStatus } from "@sertakan/schema";
import { Context, viewerOf } from "../../context";
import { AfterCursorArg, PageSizeArg, connectionTypes } from "../../graphql/pagination";
import { RupiahScalar } from "../../graphql/scalars";
import { Donor } from "../donor/donor.entity";
import { Payment } from "../payment/payment.entity";
import { Worker } from "../worker/worker.entity";
import { Contribution, Sponsorship } from "./sponsorship.entity";
import { SponsorWorkersInput, SponsorshipFilter } from "./sponsorship.inputs";

export const { Connection: SponsorshipConnection } = connectionTypes("Sponsorship", Sponsorship);

@Resolver(() => Sponsorship)
export class SponsorshipResolver {
  @Authorized()
  @Query(() => Sponsorship, {
    nullable: true,
    description: "One sponsorship; null when unknown or outside your scope.",
  })
  sponsorship(
    @Arg("id", () => ID, { description: "The sponsorship's id." }) id: string,
    @Ctx() ctx: Context,
  ): Promise<Sponsorship | null> {
    return ctx.services.sponsorship.get(viewerOf(ctx), id);
  }

  @Authorized()
  @Query(() => SponsorshipConnection, { description: "Newest pledges first." })
  async sponsorships(
    @Ctx() ctx: Context,
    @Arg("filter", () => SponsorshipFilter, { nullable: true, description: "Narrows the list." })
    filter?: SponsorshipFilter,
    @PageSizeArg()
    first?: number,
    @AfterCursorArg()
    after?: string,
  ) {
    return SponsorshipConnection.of(
      await ctx.services.sponsorship.list(viewerOf(ctx), filter, first, after),
    );
  }

  @Authorized(Role.ADMIN, Role.OFFICER)
  @Mutation(() => [Sponsorship], {
    description: "Code MONTH_ALREADY_COVERED when a worker already has one of those months.",
  })
  sponsorWorkers(
    @Arg("input", () => SponsorWorkersInput, {
      description: "The donor, workers, package and months.",
    })
    input: SponsorWorkersInput,
    @Ctx() ctx: Context,
  ): Promise<Sponsorship[]> {
    return ctx.services.sponsorship.sponsor(viewerOf(ctx), input);
  }

  @Authorized(Role.ADMIN, Role.OFFICER)
  @Mutation(() => Sponsorship, { description: "Cancels the DUE months; paid months stay paid." })
  cancelSponsorship(
    @Arg("id", () => ID, { description: "The sponsorship to cancel." }) id: string,
    @Arg("reason", () => String, { description: "Why, kept on the sponsorship." }) reason: string,
    @Ctx() ctx: Context,
  ): Promise<Sponsorship> {
    return ctx.services.sponsorship.cancel(viewerOf(ctx), id, reason);
  }

  @FieldResolver(() => Donor, { description: "The donor who pledged." })
  donor(@Root() s: Sponsorship, @Ctx() ctx: Context) {
    return ctx.loaders.donorById.load(s.donorId);
  }

  @FieldResolver(() => Worker, { description: "The worker covered." })
  worker(@Root() s: Sponsorship, @Ctx() ctx: Context) {
    return ctx.loaders.workerById.load(s.workerId);
  }

  @FieldResolver(() => SponsorshipStatus, {
    description: "PLEDGED, ACTIVE, COMPLETED or CANCELLED.",
  })
  async status(@Root() s: Sponsorship, @Ctx() ctx: Context): Promise<SponsorshipStatus> {
    const progress = await ctx.loaders.sponsorshipProgress.load(s.id);
    return sponsorshipStatus(
      {
        cancelled: s.cancelledAt !== null,
        months: progress.liveMonths,
        paidMonths: progress.paidMonths,
        endMonth: s.endMonth,
      },
      ctx.services.sponsorship.currentMonth(),
    );
  }

  @FieldResolver(() => RupiahScalar, {
    description: "What the months still pledged (paid or due) cost.",
  })
  async total(@Root() s: Sponsorship, @Ctx() ctx: Context): Promise<number> {
    return (await ctx.loaders.sponsorshipProgress.load(s.id)).liveAmount;
  }

  @FieldResolver(() => RupiahScalar, { description: "Rupiah paid so far." })
  async paid(@Root() s: Sponsorship, @Ctx() ctx: Context): Promise<number> {
    return (await ctx.loaders.sponsorshipProgress.load(s.id)).paidAmount;
  }

  @FieldResolver(() => [Contribution], { description: "One contribution per month." })
  contributions(@Root() s: Sponsorship, @Ctx() ctx: Context) {
    return ctx.loaders.contributionsBySponsorship.load(s.id);
  }
}

@Resolver(() => Contribution)
export class ContributionResolver {
  @FieldResolver(() => Payment, {
    nullable: true,
    description: "The payment whose money completed this month.",
  })
  payment(@Root() c: Contribution, @Ctx() ctx: Context) {
    return c.paymentId ? ctx.loaders.paymentById.load(c.paymentId) : null;
  }
}
