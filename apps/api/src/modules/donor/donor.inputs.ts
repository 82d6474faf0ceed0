import { Field, ID, InputType } from "type-graphql";
import { IsEmail, IsOptional, Length, Matches } from "class-validator";
import { DonorKind } from "@sertakan/schema";
import { PHONE_MESSAGE, PHONE_PATTERN } from "../partner/partner.inputs";

@InputType("DonorFilter", { description: "Narrows the donors list; every given field must match." })
export class DonorFilter {
  @Field(() => String, {
    nullable: true,
    description: "Case-insensitive fragment of the donor's name.",
  })
  search?: string | null;
  @Field(() => [DonorKind], { nullable: true, description: "Only donors of these kinds." }) kind?:
    DonorKind[] | null;
  @Field(() => ID, {
    nullable: true,
    description: "Only donors whose region is this one or lies below it.",
  })
  regionCode?: string | null;
}

@InputType("DonorInput", { description: "A donor's details; updateDonor replaces them all." })
export class DonorInput {
  @Field(() => DonorKind, {
    description: "Individual, company, local government, zakat institution and so on.",
  })
  kind!: DonorKind;
  @Field(() => String, { description: "The donor's name." })
  @Length(2, 200, { message: "name must be 2 to 200 characters." })
  name!: string;
  @Field(() => String, { nullable: true, description: "NPWP (tax number)." })
  @IsOptional()
  @Matches(/^[0-9][0-9.-]{13,20}$/, {
    message: "taxId must be an NPWP of 15 or 16 digits, such as 01.234.567.8-525.000.",
  })
  taxId?: string | null;
  @Field(() => String, { nullable: true, description: "Person to contact at the donor." })
  @IsOptional()
  @Length(1, 200)
  contactName?: string | null;
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
    description:
      "Nomor VA / nomor donatur: 3 to 30 letters, digits and hyphens, unique; stored upper case. Left out on updateDonor: kept; null: removed.",
  })
  @IsOptional()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9-]{2,29}$/, {
    message: "accountNumber must be 3 to 30 letters, digits and hyphens, such as SRT-0007.",
  })
  accountNumber?: string | null;
  @Field(() => ID, { description: "Where the donor is based: a region code inside your scope." })
  regionCode!: string;
  @Field(() => ID, {
    nullable: true,
    description: "The partner this donor is, if any; a partner has at most one donor.",
  })
  partnerId?: string | null;
}
