import { Field, Int, ObjectType } from "type-graphql";
import { RupiahScalar } from "../../graphql/scalars";

@ObjectType("DonorSummary", {
  description: "A donor's money: pledged, paid, still due and unallocated credit.",
})
export class DonorSummary {
  @Field(() => Int, { description: "Distinct workers the donor has pledged for." })
  workersSponsored!: number;
  @Field(() => Int, { description: "Workers whose current month this donor has paid." })
  workersActive!: number;
  @Field(() => RupiahScalar, {
    description: "Sum of every non-cancelled contribution month pledged.",
  })
  committed!: number;
  @Field(() => RupiahScalar, { description: "Sum of the months already paid." }) paid!: number;
  @Field(() => RupiahScalar, { description: "committed - paid: the months still DUE." })
  outstanding!: number;
  @Field(() => RupiahScalar, { description: "Money received and not yet allocated to a month." })
  credit!: number;
}
