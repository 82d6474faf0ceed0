import { Role } from "@sertakan/schema";
import {
  Arg,
  Authorized,
  Ctx,
  FieldResolver,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from "type-graphql";
import { Context, viewerOf } from "../../context";
import {
  AfterCursorArg,
  PageSizeArg,
  checkPageSize,
  connectionTypes,
} from "../../graphql/pagination";
import { Donor } from "../donor/donor.entity";
import { Sponsorship } from "../sponsorship/sponsorship.entity";
import { DonorReminder } from "./reminder.entity";
import { DonorReminderFilter } from "./reminder.inputs";

export const { Connection: DonorReminderConnection } = connectionTypes(
  "DonorReminder",
  DonorReminder,
);

@Resolver(() => DonorReminder)
export class DonorReminderResolver {
  @Authorized()
  @Query(() => DonorReminderConnection, {
    description: "Reminders of donors inside your scope, newest first.",
  })
  async donorReminders(
    @Ctx() ctx: Context,
    @Arg("filter", () => DonorReminderFilter, {
      nullable: true,
      description: "Narrows the list.",
    })
    filter?: DonorReminderFilter,
    @PageSizeArg()
    first?: number,
    @AfterCursorArg()
    after?: string,
  ) {
    return DonorReminderConnection.of(
      await ctx.services.reminder.list(viewerOf(ctx), filter, first, after),
    );
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Int, {
    description:
      "Creates today's due reminders now instead of waiting for the schedule (ADMIN); returns how many were created.",
  })
  runReminders(@Ctx() ctx: Context): Promise<number> {
    return ctx.services.reminder.runNow(viewerOf(ctx));
  }

  @FieldResolver(() => Donor, { description: "The donor reminded." })
  async donor(@Root() reminder: DonorReminder, @Ctx() ctx: Context) {
    return ctx.loaders.donorById.load(reminder.donorId);
  }

  @FieldResolver(() => [Sponsorship], { description: "The sponsorships it is about." })
  async sponsorships(@Root() reminder: DonorReminder, @Ctx() ctx: Context) {
    const found = await ctx.loaders.reminderSponsorshipById.loadMany(reminder.sponsorshipIds);
    return found.filter((s): s is Sponsorship => Boolean(s) && !(s instanceof Error));
  }
}

@Resolver(() => Donor)
export class DonorRemindersResolver {
  @FieldResolver(() => DonorReminderConnection, {
    description: "The donor's reminders, newest first.",
  })
  async reminders(
    @Root() donor: Donor,
    @Ctx() ctx: Context,
    @PageSizeArg()
    first?: number,
    @AfterCursorArg()
    after?: string,
  ) {
    if (after)
      return DonorReminderConnection.of(
        await ctx.services.reminder.list(viewerOf(ctx), { donorId: donor.id }, first, after),
      );
    const { rows, total } = await ctx.loaders.donorRemindersFirstPage.load({
      donorId: donor.id,
      first: checkPageSize(first),
    });
    return DonorReminderConnection.of(ctx.services.reminder.pageOf(rows, total));
  }
}
