import { Role } from "@sertakan/schema";
import {
  Arg,
  Authorized,
  Ctx,
  FieldResolver,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from "type-graphql";
import { Context, viewerOf } from "../../context";
import { connectionTypes } from "../../graphql/pagination";
import { RupiahScalar } from "../../graphql/scalars";
import { Donor } from "../donor/donor.entity";
import { Contribution } from "../sponsorship/sponsorship.entity";
import { Payment } from "./payment.entity";
import { PaymentFilter, RecordPaymentInput } from "./payment.inputs";

export const { Connection: PaymentConnection } = connectionTypes("Payment", Payment);

@Authorized()
@Resolver(() => Payment)
export class PaymentResolver {
  @Query(() => PaymentConnection, { description: "Latest payments first." })
  async payments(
    @Ctx() ctx: Context,
    @Arg("filter", () => PaymentFilter, { nullable: true }) filter?: PaymentFilter,
    @Arg("first", () => Int, { nullable: true, defaultValue: 50 }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
  ) {
    return PaymentConnection.of(
      await ctx.services.payment.list(viewerOf(ctx), filter, first, after),
    );
  }

  @Authorized(Role.ADMIN, Role.OFFICER)
  @Mutation(() => Payment)
  recordPayment(
    @Arg("input", () => RecordPaymentInput) input: RecordPaymentInput,
    @Ctx() ctx: Context,
  ): Promise<Payment> {
    return ctx.services.payment.record(viewerOf(ctx), input);
  }

  @FieldResolver(() => Donor)
  donor(@Root() p: Payment, @Ctx() ctx: Context) {
    return ctx.loaders.donorById.load(p.donorId);
  }

  @FieldResolver(() => RupiahScalar, {
    description: "Part of this payment that has paid months (now or later, from credit).",
  })
  allocated(@Root() p: Payment, @Ctx() ctx: Context): Promise<number> {
    return ctx.loaders.paymentAllocated.load(p.id);
  }

  @FieldResolver(() => RupiahScalar)
  async unallocated(@Root() p: Payment, @Ctx() ctx: Context): Promise<number> {
    return p.amount - (await ctx.loaders.paymentAllocated.load(p.id));
  }

  @FieldResolver(() => [Contribution], { description: "The months this payment's money paid." })
  contributions(@Root() p: Payment, @Ctx() ctx: Context) {
    return ctx.loaders.contributionsByPayment.load(p.id);
  }
}
