import { Field, Float, ID, InputType, Int, ObjectType } from "type-graphql";
import { Occupation } from "@sertakan/schema";
import { DateTimeScalar, RupiahScalar, YearMonthScalar } from "../../graphql/scalars";

@ObjectType("OccupationCount")
export class OccupationCount {
  @Field(() => Occupation) occupation!: Occupation;
  @Field(() => Int) workers!: number;
  @Field(() => Int) active!: number;
}

/** Figures for one region and month; `children` are resolved through a batching loader. */
@ObjectType("CoverageStats")
export class CoverageStats {
  regionCode!: string;
  @Field(() => YearMonthScalar) asOf!: string;
  @Field(() => Int) registeredWorkers!: number;
  @Field(() => Int) active!: number;
  @Field(() => Int) arrears!: number;
  @Field(() => Int) lapsed!: number;
  @Field(() => Int) uncovered!: number;
  @Field(() => RupiahScalar, { description: "Paid contributions for the asOf month." })
  contributionsPaid!: number;
  @Field(() => [OccupationCount]) byOccupation!: OccupationCount[];
}

@ObjectType("CoveragePoint")
export class CoveragePoint {
  @Field(() => YearMonthScalar) month!: string;
  @Field(() => Int) active!: number;
  @Field(() => Int, { description: "Workers whose first ever paid month is this one." })
  newlyCovered!: number;
  @Field(() => Int, { description: "Workers who became LAPSED this month." }) lapsed!: number;
  @Field(() => RupiahScalar) contributionsPaid!: number;
}

@ObjectType("TargetProgress")
export class TargetProgress {
  @Field(() => YearMonthScalar) asOf!: string;
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
  @Field(() => ID) id!: string;
  regionCode!: string;
  @Field(() => Int) year!: number;
  @Field(() => Int, { description: "Estimated informal (BPU) workforce, e.g. 219000 for Klaten." })
  informalWorkers!: number;
  @Field(() => Int, {
    description: "Informal workers already covered at the start of the year, e.g. 19000.",
  })
  baselineCovered!: number;
  @Field(() => Int) targetCovered!: number;
  @Field(() => String, {
    nullable: true,
    description: "Where the figures come from, e.g. that a target is illustrative.",
  })
  note!: string | null;
  @Field(() => DateTimeScalar) updatedAt!: Date;
}

@InputType("RegionalTargetInput")
export class RegionalTargetInput {
  @Field(() => ID) regionCode!: string;
  @Field(() => Int) year!: number;
  @Field(() => Int) informalWorkers!: number;
  @Field(() => Int) baselineCovered!: number;
  @Field(() => Int) targetCovered!: number;
  @Field(() => String, { nullable: true }) note?: string | null;
}
