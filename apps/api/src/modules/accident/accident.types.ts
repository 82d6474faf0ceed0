import { Field, ID, Int, ObjectType } from "type-graphql";
import { DateScalar, YearMonthScalar } from "../../graphql/scalars";
import { Contribution } from "../sponsorship/sponsorship.entity";
import { Worker } from "../worker/worker.entity";

@ObjectType("CoverageCheck", {
  description: "The answer a PLKK needs at the counter: was this person covered on that day?",
})
export class CoverageCheck {
  @Field(() => String, {
    description: "Masked as for VIEWER whoever asks: the check is shown at a counter.",
  })
  nik!: string;
  @Field(() => Worker, {
    nullable: true,
    description: "null when no worker has that NIK (the answer is then covered: false).",
  })
  worker!: Worker | null;
  @Field(() => DateScalar, { description: "The day asked about (Asia/Jakarta)." })
  date!: string;
  @Field(() => Boolean, { description: "A paid contribution month covers the day." })
  covered!: boolean;
  @Field(() => Contribution, {
    nullable: true,
    description: "The paid month that covers the day, when covered.",
  })
  coveredBy!: Contribution | null;
  @Field(() => YearMonthScalar, { nullable: true, description: "Last paid month, if any." })
  coveredThrough!: string | null;
}

@ObjectType("AccidentCount", {
  description: "Accidents in a region and month, split by whether cover held.",
})
export class AccidentCount {
  // The Region itself comes from a loader (AccidentCountResolver.region).
  @Field(() => ID, { description: "The region counted, e.g. 33.10.01." })
  regionCode!: string;
  @Field(() => Int, { description: "Accidents reported." })
  total!: number;
  @Field(() => Int, { description: "Of those, the workers a paid month protected (ACCEPTED)." })
  accepted!: number;
  @Field(() => Int, { description: "Of those, the workers who fell through (NOT_COVERED)." })
  notCovered!: number;
  @Field(() => Int, { description: "Reported more than 48 hours after the accident." })
  late!: number;
}

@ObjectType("AccidentSummary", {
  description:
    "Accidents in a month (Asia/Jakarta) for a region and each of its child regions: the figure a branch shows donors.",
})
export class AccidentSummary {
  @Field(() => YearMonthScalar, { description: "The month counted." })
  month!: string;
  @Field(() => AccidentCount, { description: "The whole region." })
  total!: AccidentCount;
  @Field(() => [AccidentCount], {
    description: "Each child region (districts of a regency…), including those with none.",
  })
  children!: AccidentCount[];
}
