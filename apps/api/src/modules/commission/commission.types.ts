import { Field, Int, ObjectType } from "type-graphql";
import { RupiahScalar, YearMonthScalar } from "../../graphql/scalars";

@ObjectType("AgentCommission", {
  description:
    "A Perisai agent's fees for one calendar month (Asia/Jakarta), from the dated fee table in force on the month's first day (DOMAIN: Perdir 13/2022).",
})
export class AgentCommission {
  /** Not a GraphQL field: the agent (a PERISAI_AGENT partner), resolved by a loader. */
  agentId!: string;
  @Field(() => YearMonthScalar, { description: "The month the fees are for." })
  month!: string;
  @Field(() => Int, {
    description: "Workers first registered that month with this agent as recruitedBy.",
  })
  newRecruits!: number;
  @Field(() => Int, {
    description: "Recruits' contribution months paid by money received that month.",
  })
  paidMonths!: number;
  @Field(() => RupiahScalar, { description: "Sum of allocations to those months." })
  contributions!: number;
  @Field(() => RupiahScalar, {
    description:
      "Per new recruit (by the package of the recruit's first sponsorship), only in a month with at least the table's minimum of new recruits.",
  })
  acquisitionFee!: number;
  @Field(() => RupiahScalar, {
    description:
      "The table's rate for each paid month by its place in the recruit's paid months (1st to 24th, 25th to 60th, none after), rounded down.",
  })
  contributionFee!: number;
  @Field(() => RupiahScalar, { description: "acquisitionFee + contributionFee" })
  agentFee!: number;
  @Field(() => RupiahScalar, {
    description: "The institution's part on top of agentFee, rounded down.",
  })
  institutionFee!: number;
  @Field(() => Boolean, {
    description:
      "No new recruit and no recruit payment in each of the three months before: every fee is 0.",
  })
  suspended!: boolean;
}
