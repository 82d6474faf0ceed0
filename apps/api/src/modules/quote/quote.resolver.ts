import { Arg, Field, Int, ObjectType, Query, Resolver } from "type-graphql";
import { ProgramPackage, quoteContribution } from "@sertakan/schema";
import { RupiahScalar } from "../../graphql/scalars";

@ObjectType("ContributionQuote", {
  description: "What a pledge costs, priced from the dated price table.",
})
export class ContributionQuote {
  @Field(() => ProgramPackage, { description: "The benefits priced." }) package!: ProgramPackage;
  @Field(() => RupiahScalar, {
    description: "Monthly income the rates apply to; the minimum, Rp1,000,000, unless given.",
  })
  declaredIncome!: number;
  @Field(() => RupiahScalar, { description: "Work-accident benefit: 1% of declared income." })
  jkk!: number;
  @Field(() => RupiahScalar, { description: "Death benefit: a flat amount." }) jkm!: number;
  @Field(() => RupiahScalar, {
    description: "Old-age savings: 2% of declared income, JKK_JKM_JHT only.",
  })
  jht!: number;
  @Field(() => RupiahScalar, { description: "Per worker per month." }) monthly!: number;
  @Field(() => Int, { description: "Months priced." }) months!: number;
  @Field(() => Int, { description: "Workers priced." }) workers!: number;
  @Field(() => RupiahScalar, { description: "monthly x months x workers." }) total!: number;
}

@Resolver()
export class QuoteResolver {
  @Query(() => ContributionQuote, { description: "What a pledge costs. No sign-in needed." })
  contributionQuote(
    @Arg("package", () => ProgramPackage, { description: "JKK_JKM or JKK_JKM_JHT." })
    pkg: ProgramPackage,
    @Arg("declaredIncome", () => RupiahScalar, {
      nullable: true,
      description: "Monthly income, Rp1,000,000 to Rp20,700,000; defaults to the minimum.",
    })
    declaredIncome?: number,
    @Arg("months", () => Int, { nullable: true, defaultValue: 1, description: "Months to price." })
    months?: number | null,
    @Arg("workers", () => Int, {
      nullable: true,
      defaultValue: 1,
      description: "Workers to price.",
    })
    workers?: number | null,
  ): ContributionQuote {
    // An explicit null means the default, as an omitted argument does.
    return quoteContribution(pkg, declaredIncome ?? undefined, months ?? 1, workers ?? 1);
  }
}
