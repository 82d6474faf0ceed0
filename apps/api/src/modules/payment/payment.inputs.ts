import { Field, ID, InputType } from "type-graphql";
import { Length } from "class-validator";
import { DateScalar, DateTimeScalar, RupiahScalar } from "../../graphql/scalars";

@InputType("PaymentFilter", {
  description: "Narrows the payments list; every given field must match.",
})
export class PaymentFilter {
  @Field(() => ID, { nullable: true, description: "Only this donor's payments." }) donorId?:
    string | null;
  @Field(() => DateScalar, {
    nullable: true,
    description: "Paid on or after this day (Asia/Jakarta).",
  })
  from?: string | null;
  @Field(() => DateScalar, {
    nullable: true,
    description: "Paid on or before this day (Asia/Jakarta).",
  })
  to?: string | null;
}

@InputType("RecordPaymentInput", {
  description:
    "Money from a donor. It pays that donor's DUE months oldest first (only those of the listed sponsorships, when given); a month is paid only in full; what is left stays as the donor's credit and pays later months as they are pledged.",
})
export class RecordPaymentInput {
  @Field(() => ID, { description: "The donor who paid." }) donorId!: string;
  @Field(() => RupiahScalar, { description: "Rupiah received, above 0." }) amount!: number;
  @Field(() => DateTimeScalar, { description: "When the money was paid; not in the future." })
  paidAt!: Date;
  @Field(() => String, {
    description: "Receipt or bank reference, unique per donor; 1 to 100 characters.",
  })
  @Length(1, 100, { message: "reference must be 1 to 100 characters." })
  reference!: string;
  @Field(() => [ID], {
    nullable: true,
    description: "Pay only these sponsorships' months; otherwise the donor's oldest DUE months.",
  })
  sponsorshipIds?: string[] | null;
}
