import { Role } from "@sertakan/schema";
import { Arg, Authorized, Ctx, Mutation, Resolver } from "type-graphql";
import { Context, viewerOf } from "../../context";
import { Sponsorship } from "./sponsorship.entity";
import { RenewSponsorshipsInput } from "./renewal.inputs";

@Resolver()
export class RenewalResolver {
  @Authorized(Role.ADMIN, Role.OFFICER)
  @Mutation(() => [Sponsorship], {
    description:
      "One new sponsorship per one given, in the same order. Codes: MONTH_ALREADY_COVERED (a worker already has one of the new months; nothing is written), BAD_USER_INPUT (months outside 1–24, an empty or repeated list, a cancelled sponsorship, two for one worker), NOT_FOUND (unknown or outside your scope).",
  })
  renewSponsorships(
    @Arg("input", () => RenewSponsorshipsInput, {
      description: "The sponsorships, how many months, and an optional idempotency key.",
    })
    input: RenewSponsorshipsInput,
    @Ctx() ctx: Context,
  ): Promise<Sponsorship[]> {
    return ctx.services.renewal.renew(viewerOf(ctx), input);
  }
}
