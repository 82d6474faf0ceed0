import { Field, ID, InputType, ObjectType, Int } from "type-graphql";
import { IsOptional, Length, Matches } from "class-validator";
import { CoverageStatus, Gender, Occupation, SortDirection } from "@sertakan/schema";
import { DateScalar } from "../../graphql/scalars";
import { PHONE_MESSAGE, PHONE_PATTERN } from "../partner/partner.inputs";
import { Worker } from "./worker.entity";

const KPJ_PATTERN = /^[0-9]{8,16}$/;
const KPJ_MESSAGE = "membershipNumber must be the KPJ card number: 8 to 16 digits.";
const NAME_MESSAGE = "fullName must be 2 to 150 characters.";

@InputType("WorkerFilter", {
  description: "Narrows the workers list; every given field must match.",
})
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
  @Field(() => [Occupation], {
    nullable: true,
    description: "Only workers with one of these occupations.",
  })
  occupation?: Occupation[] | null;
  @Field(() => [CoverageStatus], {
    nullable: true,
    description: "Only workers with one of these statuses this month.",
  })
  coverageStatus?: CoverageStatus[] | null;
  @Field(() => ID, { nullable: true, description: "Only workers this donor has pledged for." })
  donorId?: string | null;
  @Field(() => ID, { nullable: true, description: "Only workers this partner recruited." })
  recruitedById?: string | null;
}

export enum WorkerOrderField {
  CREATED_AT = "CREATED_AT",
  FULL_NAME = "FULL_NAME",
  COVERED_THROUGH = "COVERED_THROUGH",
}

@InputType("WorkerOrder", { description: "How to sort the workers list." })
export class WorkerOrder {
  @Field(() => WorkerOrderField, { description: "The field to sort by." }) field!: WorkerOrderField;
  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: "ASC or DESC." })
  direction!: SortDirection;
}

@InputType("RegisterWorkerInput", { description: "A worker to register." })
export class RegisterWorkerInput {
  @Field(() => String, {
    description: "16-digit NIK: district code, birth date (day + 40 for women), serial.",
  })
  nik!: string;
  @Field(() => String, { description: "Full name as on the identity card." })
  @Length(2, 150, { message: NAME_MESSAGE })
  fullName!: string;
  @Field(() => Gender, { description: "Must agree with the NIK." }) gender!: Gender;
  @Field(() => DateScalar, { description: "Must agree with the NIK." }) birthDate!: string;
  @Field(() => Occupation, { description: "What the worker does for a living." })
  occupation!: Occupation;
  @Field(() => String, { nullable: true, description: "Mobile number." })
  @IsOptional()
  @Matches(PHONE_PATTERN, { message: PHONE_MESSAGE })
  phone?: string | null;
  @Field(() => ID, { description: "Village of domicile (desa/kelurahan code), inside your scope." })
  villageCode!: string;
  @Field(() => String, {
    nullable: true,
    description: "BPJS membership card number (KPJ), once issued.",
  })
  @IsOptional()
  @Matches(KPJ_PATTERN, { message: KPJ_MESSAGE })
  membershipNumber?: string | null;
  @Field(() => ID, {
    nullable: true,
    description: "The Perisai agent or other partner who recruited the worker.",
  })
  recruitedById?: string | null;
}

@InputType("UpdateWorkerInput", {
  description: "The fields of a worker to change; those left out stay as they are.",
})
export class UpdateWorkerInput {
  @Field(() => String, { nullable: true, description: "Full name as on the identity card." })
  @IsOptional()
  @Length(2, 150, { message: NAME_MESSAGE })
  fullName?: string | null;
  @Field(() => Occupation, { nullable: true, description: "What the worker does for a living." })
  occupation?: Occupation | null;
  @Field(() => String, { nullable: true, description: "Mobile number." })
  @IsOptional()
  @Matches(PHONE_PATTERN, { message: PHONE_MESSAGE })
  phone?: string | null;
  @Field(() => ID, { nullable: true, description: "New village of domicile, inside your scope." })
  villageCode?: string | null;
  @Field(() => String, { nullable: true, description: "BPJS membership card number (KPJ)." })
  @IsOptional()
  @Matches(KPJ_PATTERN, { message: KPJ_MESSAGE })
  membershipNumber?: string | null;
  @Field(() => ID, { nullable: true, description: "The partner who recruited the worker." })
  recruitedById?: string | null;
}

@ObjectType("ImportRowError", { description: "Why one row of importWorkers was not written." })
export class ImportRowError {
  @Field(() => Int, { description: "0-based index of the row in the input list." }) row!: number;
  @Field(() => String, {
    nullable: true,
    description: "The input field at fault, when one can be named.",
  })
  field!: string | null;
  @Field(() => String, { description: "What is wrong, in a sentence a person can act on." })
  message!: string;
  @Field(() => String, {
    description: "The error code, e.g. NIK_INVALID, NIK_MISMATCH, BAD_USER_INPUT, FORBIDDEN.",
  })
  code!: string;
}

@ObjectType("WorkerImportResult", { description: "What importWorkers wrote and what it refused." })
export class WorkerImportResult {
  @Field(() => Int, { description: "Rows written (0 on a dry run)." }) created!: number;
  @Field(() => Int, { description: "Rows whose NIK was already registered; skipped." })
  duplicates!: number;
  @Field(() => [ImportRowError], { description: "One entry per refused row." })
  errors!: ImportRowError[];
  @Field(() => [Worker], { description: "The workers written (none on a dry run)." })
  workers!: Worker[];
}
