import { Field, ID, InputType, ObjectType, Int } from "type-graphql";
import { IsOptional, Length, Matches } from "class-validator";
import { CoverageStatus, Gender, Occupation, SortDirection } from "@sertakan/schema";
import { DateScalar } from "../../graphql/scalars";
import { PHONE_MESSAGE, PHONE_PATTERN } from "../partner/partner.inputs";
import { Worker } from "./worker.entity";

const KPJ_PATTERN = /^[0-9]{8,16}$/;
const KPJ_MESSAGE = "membershipNumber must be the KPJ card number: 8 to 16 digits.";
const NAME_MESSAGE = "fullName must be 2 to 150 characters.";

@InputType("WorkerFilter")
export class WorkerFilter {
  @Field(() => String, {
    nullable: true,
    description: "Case-insensitive name fragment, or a NIK prefix.",
  })
  search?: string | null;
  @Field(() => ID, {
    nullable: true,
    description: "Any level: matches workers whose village lies inside it.",
  })
  regionCode?: string | null;
  @Field(() => [Occupation], { nullable: true }) occupation?: Occupation[] | null;
  @Field(() => [CoverageStatus], { nullable: true }) coverageStatus?: CoverageStatus[] | null;
  @Field(() => ID, { nullable: true }) donorId?: string | null;
  @Field(() => ID, { nullable: true }) recruitedById?: string | null;
}

export enum WorkerOrderField {
  CREATED_AT = "CREATED_AT",
  FULL_NAME = "FULL_NAME",
  COVERED_THROUGH = "COVERED_THROUGH",
}

@InputType("WorkerOrder")
export class WorkerOrder {
  @Field(() => WorkerOrderField) field!: WorkerOrderField;
  @Field(() => SortDirection, { defaultValue: SortDirection.ASC }) direction!: SortDirection;
}

@InputType("RegisterWorkerInput")
export class RegisterWorkerInput {
  @Field(() => String) nik!: string;
  @Field(() => String) @Length(2, 150, { message: NAME_MESSAGE }) fullName!: string;
  @Field(() => Gender, { description: "Must agree with the NIK." }) gender!: Gender;
  @Field(() => DateScalar, { description: "Must agree with the NIK." }) birthDate!: string;
  @Field(() => Occupation) occupation!: Occupation;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(PHONE_PATTERN, { message: PHONE_MESSAGE })
  phone?: string | null;
  @Field(() => ID) villageCode!: string;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(KPJ_PATTERN, { message: KPJ_MESSAGE })
  membershipNumber?: string | null;
  @Field(() => ID, { nullable: true }) recruitedById?: string | null;
}

@InputType("UpdateWorkerInput")
export class UpdateWorkerInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(2, 150, { message: NAME_MESSAGE })
  fullName?: string | null;
  @Field(() => Occupation, { nullable: true }) occupation?: Occupation | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(PHONE_PATTERN, { message: PHONE_MESSAGE })
  phone?: string | null;
  @Field(() => ID, { nullable: true }) villageCode?: string | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(KPJ_PATTERN, { message: KPJ_MESSAGE })
  membershipNumber?: string | null;
  @Field(() => ID, { nullable: true }) recruitedById?: string | null;
}

@ObjectType("ImportRowError")
export class ImportRowError {
  @Field(() => Int, { description: "0-based index of the row in the input list." }) row!: number;
  @Field(() => String, { nullable: true }) field!: string | null;
  @Field(() => String) message!: string;
  @Field(() => String) code!: string;
}

@ObjectType("WorkerImportResult")
export class WorkerImportResult {
  @Field(() => Int, { description: "Rows written (0 on a dry run)." }) created!: number;
  @Field(() => Int, { description: "Rows whose NIK was already registered; skipped." })
  duplicates!: number;
  @Field(() => [ImportRowError]) errors!: ImportRowError[];
  @Field(() => [Worker]) workers!: Worker[];
}
