import { Role } from "@sertakan/schema";
import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import { Context, viewerOf } from "../../context";
import { AfterCursorArg, PageSizeArg, connectionTypes } from "../../graphql/pagination";
import { RupiahScalar } from "../../graphql/scalars";
import { Donor } from "../donor/donor.entity";
import { Contribution } from "../sponsorship/sponsorship.entity";
import { Payment } from "./payment.entity";
import { PaymentFilter, RecordPaymentInput } from "./payment.inputs";

export const { Connection: PaymentConnection } = connectionTypes("Payment", Payment);

@Resolver(() => Payment)
export class PaymentResolver {
  @Authorized()
  @Query(() => PaymentConnection, { description: "Latest payments first." })
  async payments(
    @Ctx() ctx: Context,
    @Arg("filter", () => PaymentFilter, { nullable: true, description: "Narrows the list." })
    filter?: PaymentFilter,
    @PageSizeArg()
    first?: number,
    @AfterCursorArg()
    after?: string,
  ) {
    return PaymentConnection.of(
      await ctx.services.payment.list(viewerOf(ctx), filter, first, after),
    );
  }

  @Authorized(Role.ADMIN, Role.OFFICER)
  @Mutation(() => Payment, {
    description:
      "Records money from a donor and pays its DUE months with it. The same reference again returns the first payment.",
  })
  recordPayment(
    @Arg("input", () => RecordPaymentInput, { description: "The payment." })
    input: RecordPaymentInput,
    @Ctx() ctx: Context,
  ): Promise<Payment> {
    return ctx.services.payment.record(viewerOf(ctx), input);
  }

  @FieldResolver(() => Donor, { description: "The donor who paid." })
  donor(@Root() p: Payment, @Ctx() ctx: Context) {
    return ctx.loaders.donorById.load(p.donorId);
  }

  @FieldResolver(() => RupiahScalar, {
    description: "Part of this payment that has paid months (now or later, from credit).",
  })
  allocated(@Root() p: Payment, @Ctx() ctx: Context): Promise<number> {
    return ctx.loaders.paymentAllocated.load(p.id);
  }

  @FieldResolver(() => RupiahScalar, {
    description: "Part of this payment not yet paying a month; it is the donor's credit.",
  })
  async unallocated(@Root() p: Payment, @Ctx() ctx: Context): Promise<number> {
    return p.amount - (await ctx.loaders.paymentAllocated.load(p.id));
  }

  @FieldResolver(() => [Contribution], { description: "The months this payment's money paid." })
  contributions(@Root() p: Payment, @Ctx() ctx: Context) {
    return ctx.loaders.contributionsByPayment.load(p.id);
  }
}
