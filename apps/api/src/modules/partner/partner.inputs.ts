import { Field, ID, InputType, Int } from "type-graphql";
import { IsEmail, IsOptional, Length, Matches, Max, Min } from "class-validator";
import { EngagementKind, PartnerKind } from "@sertakan/schema";
import { DateScalar } from "../../graphql/scalars";

export const PHONE_PATTERN = /^\+?[0-9][0-9 -]{6,18}[0-9]$/;
export const PHONE_MESSAGE =
  "phone must be a telephone number such as 081234567890 or +62 812 3456 7890.";

@InputType("PartnerFilter")
export class PartnerFilter {
  @Field(() => String, { nullable: true }) search?: string | null;
  @Field(() => [PartnerKind], { nullable: true }) kind?: PartnerKind[] | null;
  @Field(() => ID, { nullable: true }) regionCode?: string | null;
  @Field(() => Boolean, { nullable: true }) active?: boolean | null;
}

@InputType("PartnerInput")
export class PartnerInput {
  @Field(() => PartnerKind) kind!: PartnerKind;
  @Field(() => String)
  @Length(2, 200, { message: "name must be 2 to 200 characters." })
  name!: string;
  @Field(() => ID) regionCode!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(0, 500) address?: string | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(PHONE_PATTERN, { message: PHONE_MESSAGE })
  phone?: string | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail({}, { message: "email must be an e-mail address." })
  email?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 100) agreementNumber?:
    string | null;
  @Field(() => DateScalar, { nullable: true }) agreementStart?: string | null;
  @Field(() => DateScalar, { nullable: true }) agreementEnd?: string | null;
  @Field(() => Boolean, { nullable: true, defaultValue: true }) active?: boolean | null;
}

@InputType("EngagementInput")
export class EngagementInput {
  @Field(() => ID) partnerId!: string;
  @Field(() => EngagementKind) kind!: EngagementKind;
  @Field(() => DateScalar) date!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(0, 2000) notes?: string | null;
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(0, { message: "attendees cannot be negative." })
  @Max(100000, { message: "attendees must be at most 100,000." })
  attendees?: number | null;
}
