import { Field, ID, InputType } from "type-graphql";
import { Length, MaxLength } from "class-validator";
import { AccidentCause, AccidentReportStatus } from "@sertakan/schema";
import { DateScalar, DateTimeScalar } from "../../graphql/scalars";

@InputType("AccidentReportFilter", {
  description: "Narrows the accident reports list; every given field must match.",
})
export class AccidentReportFilter {
  @Field(() => ID, {
    nullable: true,
    description: "Only workers living in this region (any level).",
  })
  regionCode?: string | null;
  @Field(() => ID, { nullable: true, description: "Only reports by this PLKK." })
  partnerId?: string | null;
  @Field(() => ID, { nullable: true, description: "Only this worker's reports." })
  workerId?: string | null;
  @Field(() => [AccidentReportStatus], { nullable: true, description: "Any of these statuses." })
  status?: AccidentReportStatus[] | null;
  @Field(() => DateScalar, {
    nullable: true,
    description: "Accident day from (inclusive), Asia/Jakarta.",
  })
  from?: string | null;
  @Field(() => DateScalar, {
    nullable: true,
    description: "Accident day to (inclusive), Asia/Jakarta.",
  })
  to?: string | null;
}

@InputType("ReportAccidentInput", {
  description: "A stage-I work accident report from a PLKK.",
})
export class ReportAccidentInput {
  @Field(() => ID, {
    nullable: true,
    description: "The worker's id or NIK; exactly one of the two.",
  })
  workerId?: string | null;
  @Field(() => String, { nullable: true, description: "The worker's 16-digit NIK." })
  nik?: string | null;
  @Field(() => ID, {
    description: "An active PLKK partner (kind PLKK_HOSPITAL, PLKK_CLINIC or PLKK_PUSKESMAS).",
  })
  partnerId!: string;
  @Field(() => DateTimeScalar, { description: "Not in the future." })
  occurredAt!: Date;
  @Field(() => String, { description: "Where it happened; 1 to 300 characters." })
  @Length(1, 300, { message: "place must be 1 to 300 characters." })
  place!: string;
  @Field(() => AccidentCause, { description: "How it happened." })
  cause!: AccidentCause;
  @Field(() => String, { nullable: true, description: "What happened; up to 2,000 characters." })
  @MaxLength(2000, { message: "description must be at most 2,000 characters." })
  description?: string | null;
  @Field(() => String, { description: "Who reports it; 1 to 200 characters." })
  @Length(1, 200, { message: "reporterName must be 1 to 200 characters." })
  reporterName!: string;
  @Field(() => String, { nullable: true, description: "The reporter's phone number." })
  @MaxLength(30, { message: "reporterPhone must be at most 30 characters." })
  reporterPhone?: string | null;
}
