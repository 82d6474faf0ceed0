import { Arg, Field, Int, ObjectType, Query, Resolver } from "type-graphql";
import { ProgramPackage, quoteContribution } from "@sertakan/schema";
import { RupiahScalar } from "../../graphql/scalars";

@ObjectType("ContributionQuote", {
  description: "What a pledge costs, priced from the dated price table.",
})
export class ContributionQuote {
  @Field(() => ProgramPackage) package!: ProgramPackage;
  @Field(() => RupiahScalar) declaredIncome!: number;
  @Field(() => RupiahScalar, { description: "Work-accident benefit: 1% of declared income." })
  jkk!: number;
  @Field(() => RupiahScalar, { description: "Death benefit: a flat amount." }) jkm!: number;
  @Field(() => RupiahScalar, {
    description: "Old-age savings: 2% of declared income, JKK_JKM_JHT only.",
  })
  jht!: number;
  @Field(() => RupiahScalar, { description: "Per worker per month." }) monthly!: number;
  @Field(() => Int) months!: number;
  @Field(() => Int) workers!: number;
  @Field(() => RupiahScalar) total!: number;
}

@Resolver()
export class QuoteResolver {
  @Query(() => ContributionQuote)
  contributionQuote(
    @Arg("package", () => ProgramPackage) pkg: ProgramPackage,
    @Arg("declaredIncome", () => RupiahScalar, { nullable: true }) declaredIncome?: number,
    @Arg("months", () => Int, { nullable: true, defaultValue: 1 }) months?: number | null,
    @Arg("workers", () => Int, { nullable: true, defaultValue: 1 }) workers?: number | null,
  ): ContributionQuote {
    // An explicit null means the default, as an omitted argument does.
    return quoteContribution(pkg, declaredIncome ?? undefined, months ?? 1, workers ?? 1);
  }
}
