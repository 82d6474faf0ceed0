import { Field, ID, InputType, Int } from "type-graphql";
import { IsEmail, IsOptional, Length, Matches, Max, Min } from "class-validator";
import { EngagementKind, PartnerKind } from "@sertakan/schema";
import { DateScalar } from "../../graphql/scalars";

export const PHONE_PATTERN = /^\+?[0-9][0-9 -]{6,18}[0-9]$/;
export const PHONE_MESSAGE =
  "phone must be a telephone number such as 081234567890 or +62 812 3456 7890.";

@InputType("PartnerFilter", {
  description: "Narrows the partners list; every given field must match.",
})
export class PartnerFilter {
  @Field(() => String, {
    nullable: true,
    description: "Case-insensitive fragment of the partner's name.",
  })
  search?: string | null;
  @Field(() => [PartnerKind], { nullable: true, description: "Only partners of these kinds." })
  kind?: PartnerKind[] | null;
  @Field(() => ID, {
    nullable: true,
    description: "Only partners whose region is this one or lies below it.",
  })
  regionCode?: string | null;
  @Field(() => Boolean, {
    nullable: true,
    description: "Only active (true) or ended (false) partners.",
  })
  active?: boolean | null;
}

@InputType("PartnerInput", { description: "A partner's details; updatePartner replaces them all." })
export class PartnerInput {
  @Field(() => PartnerKind, {
    description:
      "PLKK hospital, clinic or puskesmas, Perisai agent, company, local government\u2026",
  })
  kind!: PartnerKind;
  @Field(() => String, { description: "The partner's name." })
  @Length(2, 200, { message: "name must be 2 to 200 characters." })
  name!: string;
  @Field(() => ID, { description: "Where the partner is based: a region code inside your scope." })
  regionCode!: string;
  @Field(() => String, { nullable: true, description: "Street address." })
  @IsOptional()
  @Length(0, 500)
  address?: string | null;
  @Field(() => String, { nullable: true, description: "Contact phone number." })
  @IsOptional()
  @Matches(PHONE_PATTERN, { message: PHONE_MESSAGE })
  phone?: string | null;
  @Field(() => String, { nullable: true, description: "Contact e-mail." })
  @IsOptional()
  @IsEmail({}, { message: "email must be an e-mail address." })
  email?: string | null;
  @Field(() => String, {
    nullable: true,
    description: "Number of the cooperation agreement (PKS).",
  })
  @IsOptional()
  @Length(1, 100)
  agreementNumber?: string | null;
  @Field(() => DateScalar, {
    nullable: true,
    description: "First day of the cooperation agreement.",
  })
  agreementStart?: string | null;
  @Field(() => DateScalar, {
    nullable: true,
    description: "Last day of the cooperation agreement.",
  })
  agreementEnd?: string | null;
  @Field(() => Boolean, {
    nullable: true,
    defaultValue: true,
    description: "false once the partnership has ended.",
  })
  active?: boolean | null;
}

@InputType("EngagementInput", { description: "A meeting or activity with a partner." })
export class EngagementInput {
  @Field(() => ID, { description: "The partner met, inside your scope." }) partnerId!: string;
  @Field(() => EngagementKind, {
    description: "Socialisation, monitoring and evaluation (monev), training or other.",
  })
  kind!: EngagementKind;
  @Field(() => DateScalar, { description: "The day it took place." }) date!: string;
  @Field(() => String, { nullable: true, description: "Free notes." })
  @IsOptional()
  @Length(0, 2000)
  notes?: string | null;
  @Field(() => Int, { nullable: true, description: "How many people took part." })
  @IsOptional()
  @Min(0, { message: "attendees cannot be negative." })
  @Max(100000, { message: "attendees must be at most 100,000." })
  attendees?: number | null;
}
