import { Arg, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { Context, viewerOf } from "../../context";
import { YearMonthScalar } from "../../graphql/scalars";
import { Partner } from "../partner/partner.entity";
import { AgentCommission } from "./commission.types";

@Resolver(() => AgentCommission)
export class AgentCommissionResolver {
  @Authorized()
  @Query(() => [AgentCommission], {
    description:
      "Every PERISAI_AGENT partner in the region (default: the caller's scope), including those with nothing that month.",
  })
  agentCommissions(
    @Arg("month", () => YearMonthScalar, { description: "The month (Asia/Jakarta)." })
    month: string,
    @Ctx() ctx: Context,
    @Arg("regionCode", () => ID, {
      nullable: true,
      description: "Agents based in this region; default: your scope.",
    })
    regionCode?: string,
  ): Promise<AgentCommission[]> {
    return ctx.services.commission.forMonth(viewerOf(ctx), month, regionCode);
  }

  @FieldResolver(() => Partner, { description: "The Perisai agent." })
  async agent(@Root() commission: AgentCommission, @Ctx() ctx: Context) {
    return ctx.loaders.partnerById.load(commission.agentId);
  }
}
