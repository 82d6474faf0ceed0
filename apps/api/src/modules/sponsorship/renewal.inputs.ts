import { Field, ID, InputType, Int } from "type-graphql";
import { IsOptional, Length } from "class-validator";

@InputType("RenewSponsorshipsInput", {
  description:
    "Renews each sponsorship for the same donor, worker, package and declared income, from the month after it ends (or the current month when that has passed), priced from today's table. All or nothing: MONTH_ALREADY_COVERED as in sponsorWorkers.",
})
export class RenewSponsorshipsInput {
  @Field(() => [ID], {
    description: "The sponsorships to renew, up to 1,000, inside your scope, none cancelled.",
  })
  sponsorshipIds!: string[];
  @Field(() => Int, { description: "1 to 24" }) months!: number;
  @Field(() => String, {
    nullable: true,
    description:
      "The same key again (from the same caller) returns the first call's sponsorships and writes nothing.",
  })
  @IsOptional()
  @Length(1, 200, { message: "idempotencyKey must be 1 to 200 characters." })
  idempotencyKey?: string | null;
}
