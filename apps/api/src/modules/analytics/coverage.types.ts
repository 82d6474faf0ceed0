import { Field, Float, ID, InputType, Int, ObjectType } from "type-graphql";
import { Occupation } from "@sertakan/schema";
import { DateTimeScalar, RupiahScalar, YearMonthScalar } from "../../graphql/scalars";

@ObjectType("OccupationCount", { description: "Workers of one occupation in a region." })
export class OccupationCount {
  @Field(() => Occupation, { description: "The occupation." }) occupation!: Occupation;
  @Field(() => Int, { description: "Registered workers with this occupation." }) workers!: number;
  @Field(() => Int, { description: "Of those, workers whose asOf month is paid." }) active!: number;
}

/** Figures for one region and month; `children` are resolved through a batching loader. */
@ObjectType("CoverageStats", {
  description: "How many registered workers of a region are covered in one month.",
})
export class CoverageStats {
  regionCode!: string;
  @Field(() => YearMonthScalar, { description: "The month the figures are for." }) asOf!: string;
  @Field(() => Int, {
    description: "Workers living in the region in today's registry, whatever the asOf.",
  })
  registeredWorkers!: number;
  @Field(() => Int, { description: "Workers whose asOf month is paid." }) active!: number;
  @Field(() => Int, { description: "Workers whose last paid month is 1 to 3 months before asOf." })
  arrears!: number;
  @Field(() => Int, {
    description: "Workers whose last paid month is more than 3 months before asOf (nonaktif).",
  })
  lapsed!: number;
  @Field(() => Int, { description: "Registered workers never paid for up to asOf." })
  uncovered!: number;
  @Field(() => RupiahScalar, { description: "Paid contributions for the asOf month." })
  contributionsPaid!: number;
  @Field(() => [OccupationCount], {
    description: "The registered and active workers of each occupation.",
  })
  byOccupation!: OccupationCount[];
}

@ObjectType("CoveragePoint", { description: "Coverage of a region in one month." })
export class CoveragePoint {
  @Field(() => YearMonthScalar, { description: "The calendar month." }) month!: string;
  @Field(() => Int, { description: "Workers with this month paid." }) active!: number;
  @Field(() => Int, { description: "Workers whose first ever paid month is this one." })
  newlyCovered!: number;
  @Field(() => Int, { description: "Workers who became LAPSED this month." }) lapsed!: number;
  @Field(() => RupiahScalar, { description: "Rupiah paid for this month's contributions." })
  contributionsPaid!: number;
}

@ObjectType("TargetProgress", { description: "A regional target's progress in one month." })
export class TargetProgress {
  @Field(() => YearMonthScalar, { description: "The month measured." }) asOf!: string;
  @Field(() => Int, {
    description: "Distinct workers living in the region with a paid month at asOf.",
  })
  sponsoredActive!: number;
  @Field(() => Int, { description: "baselineCovered + sponsoredActive" }) covered!: number;
  @Field(() => Float, { description: "covered / informalWorkers" }) coverageRate!: number;
  @Field(() => Float, { description: "covered / targetCovered" }) attainment!: number;
}

@ObjectType("RegionalTarget", {
  description: "How many informal workers a region means to cover in a year.",
})
export class RegionalTarget {
  @Field(() => ID, { description: "The target's id." }) id!: string;
  regionCode!: string;
  @Field(() => Int, { description: "The calendar year." }) year!: number;
  @Field(() => Int, { description: "Estimated informal (BPU) workforce, e.g. 219000 for Klaten." })
  informalWorkers!: number;
  @Field(() => Int, {
    description: "Informal workers already covered at the start of the year, e.g. 19000.",
  })
  baselineCovered!: number;
  @Field(() => Int, {
    description: "Informal workers the region means to have covered by the end of the year.",
  })
  targetCovered!: number;
  @Field(() => String, {
    nullable: true,
    description: "Where the figures come from, e.g. that a target is illustrative.",
  })
  note!: string | null;
  @Field(() => DateTimeScalar, { description: "When the target was last set." }) updatedAt!: Date;
}

@InputType("RegionalTargetInput", { description: "A region's coverage target for a year." })
export class RegionalTargetInput {
  @Field(() => ID, { description: "A region code inside your scope." }) regionCode!: string;
  @Field(() => Int, { description: "Calendar year, 2000 to 2100." }) year!: number;
  @Field(() => Int, { description: "Estimated informal (BPU) workforce; above 0." })
  informalWorkers!: number;
  @Field(() => Int, {
    description:
      "Informal workers already covered at the start of the year; at most informalWorkers.",
  })
  baselineCovered!: number;
  @Field(() => Int, { description: "Workers to have covered; 1 to informalWorkers." })
  targetCovered!: number;
  @Field(() => String, { nullable: true, description: "Where the figures come from." }) note?:
    string | null;
}
