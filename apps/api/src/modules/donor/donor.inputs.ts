import { Field, ID, InputType } from "type-graphql";
import { IsEmail, IsOptional, Length, Matches } from "class-validator";
import { DonorKind } from "@sertakan/schema";
import { PHONE_MESSAGE, PHONE_PATTERN } from "../partner/partner.inputs";

@InputType("DonorFilter")
export class DonorFilter {
  @Field(() => String, { nullable: true }) search?: string | null;
  @Field(() => [DonorKind], { nullable: true }) kind?: DonorKind[] | null;
  @Field(() => ID, { nullable: true }) regionCode?: string | null;
}

@InputType("DonorInput")
export class DonorInput {
  @Field(() => DonorKind) kind!: DonorKind;
  @Field(() => String)
  @Length(2, 200, { message: "name must be 2 to 200 characters." })
  name!: string;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^[0-9][0-9.-]{13,20}$/, {
    message: "taxId must be an NPWP of 15 or 16 digits, such as 01.234.567.8-525.000.",
  })
  taxId?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 200) contactName?:
    string | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(PHONE_PATTERN, { message: PHONE_MESSAGE })
  phone?: string | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail({}, { message: "email must be an e-mail address." })
  email?: string | null;
  @Field(() => ID) regionCode!: string;
  @Field(() => ID, { nullable: true }) partnerId?: string | null;
}
