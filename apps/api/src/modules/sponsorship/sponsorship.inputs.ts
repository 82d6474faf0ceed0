import { Field, ID, InputType, Int } from "type-graphql";
import { IsOptional, Length } from "class-validator";
import { ProgramPackage, SponsorshipStatus } from "@sertakan/schema";
import { RupiahScalar, YearMonthScalar } from "../../graphql/scalars";

@InputType("SponsorshipFilter", {
  description: "Narrows the sponsorships list; every given field must match.",
})
export class SponsorshipFilter {
  @Field(() => ID, { nullable: true, description: "Only this donor's sponsorships." }) donorId?:
    string | null;
  @Field(() => ID, { nullable: true, description: "Only this worker's sponsorships." }) workerId?:
    string | null;
  @Field(() => ID, {
    nullable: true,
    description: "Sponsorships of workers living inside this region.",
  })
  regionCode?: string | null;
  @Field(() => [SponsorshipStatus], {
    nullable: true,
    description: "Only sponsorships in these statuses.",
  })
  status?: SponsorshipStatus[] | null;
  @Field(() => Int, {
    nullable: true,
    description: "Sponsorships whose last month falls within this many months from now.",
  })
  endingWithinMonths?: number | null;
  @Field(() => Boolean, {
    nullable: true,
    description:
      "false: only those whose worker has no pledged month right after their last one (not renewed yet); true: only those that have one.",
  })
  renewed?: boolean | null;
}

@InputType("SponsorWorkersInput", {
  description:
    "One donor covers several workers for the same months. All or nothing: a worker already covered for any of those months fails the whole call with code MONTH_ALREADY_COVERED.",
})
export class SponsorWorkersInput {
  @Field(() => ID, { description: "The donor who pledges." }) donorId!: string;
  @Field(() => [ID], { description: "The workers to cover, up to 1,000, inside your scope." })
  workerIds!: string[];
  @Field(() => ProgramPackage, {
    description: "JKK_JKM (Rp16,800 a month at the minimum income) or JKK_JKM_JHT (Rp36,800).",
  })
  package!: ProgramPackage;
  @Field(() => RupiahScalar, {
    nullable: true,
    description: "Defaults to the minimum, Rp1,000,000.",
  })
  declaredIncome?: number | null;
  @Field(() => YearMonthScalar, {
    description: "First month covered; not before the current month.",
  })
  startMonth!: string;
  @Field(() => Int, { description: "1 to 24" }) months!: number;
  @Field(() => String, {
    nullable: true,
    description:
      "Optional. The same key again (from the same donor) returns the first call's sponsorships and writes nothing, so a client may retry safely.",
  })
  @IsOptional()
  @Length(1, 200, { message: "idempotencyKey must be 1 to 200 characters." })
  idempotencyKey?: string | null;
}
