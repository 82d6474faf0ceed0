import { BankMatch, BankRowOutcome } from "@sertakan/schema";
import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { RupiahScalar } from "../../graphql/scalars";
import { Payment } from "./payment.entity";

// Values come as the bank printed them (text), so a bad date or amount is one row's error
// instead of GraphQL refusing the whole file.
@InputType("BankPaymentRowInput", { description: "One incoming transfer from a bank file." })
export class BankPaymentRowInput {
  @Field(() => Int, { description: "The row's line in the file (line 1 is the header)." })
  line!: number;
  @Field(() => String, {
    description: "The day of the transfer, YYYY-MM-DD in Asia/Jakarta; not after today.",
  })
  paidOn!: string;
  @Field(() => String, {
    description:
      'Whole rupiah above 0 as printed: "36800", "36.800", "Rp36.800,00" or "36,800.00".',
  })
  amount!: string;
  @Field(() => String, {
    description:
      "The bank's reference for the transfer, 1 to 100 characters; the payment's reference, unique per donor.",
  })
  reference!: string;
  @Field(() => String, { nullable: true, description: "The sender's name as the bank shows it." })
  payerName?: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      "Virtual-account or donor number, when the bank file has one (Donor.accountNumber).",
  })
  donorNumber?: string | null;
  @Field(() => ID, {
    nullable: true,
    description: "The donor the officer picked for the row; overrides the matching.",
  })
  donorId?: string | null;
}

@InputType("ImportBankPaymentsInput", {
  description: "A bank file's incoming transfers, to be matched to donors and recorded.",
})
export class ImportBankPaymentsInput {
  @Field(() => [BankPaymentRowInput], { description: "Up to 5,000 rows." })
  rows!: BankPaymentRowInput[];
  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: "true: match and check every row and report; write nothing.",
  })
  dryRun?: boolean | null;
}

@ObjectType("BankImportRowError", { description: "Why one bank row was not recorded." })
export class BankImportRowError {
  @Field(() => String, {
    description:
      "INVALID_DATE, FUTURE_DATE, INVALID_AMOUNT, AMOUNT_NOT_POSITIVE, AMOUNT_NOT_WHOLE, REFERENCE_BLANK, REFERENCE_TOO_LONG, CONFLICT (reference already recorded with another amount), NOT_FOUND (picked donor), FORBIDDEN, BAD_USER_INPUT.",
  })
  code!: string;
  @Field(() => String, { nullable: true, description: "The row's field at fault, if any." })
  field!: string | null;
  @Field(() => String, { description: "What is wrong, in a sentence a person can act on." })
  message!: string;
}

@ObjectType("BankImportRow", { description: "What became of one bank row." })
export class BankImportRow {
  @Field(() => Int, { description: "The row's line in the file, as sent." }) line!: number;
  donorId!: string | null;
  @Field(() => BankMatch, { description: "How the donor was found." }) match!: BankMatch;
  @Field(() => BankRowOutcome, { description: "Recorded, already recorded, unmatched or refused." })
  outcome!: BankRowOutcome;
  @Field(() => RupiahScalar, {
    nullable: true,
    description: "The amount read; null if unreadable.",
  })
  amount!: number | null;
  @Field(() => String, { description: "The reference, trimmed." }) reference!: string;
  @Field(() => String, { description: "The sender's name, trimmed." }) payerName!: string;
  @Field(() => Payment, {
    nullable: true,
    description: "The payment recorded now (RECORDED) or earlier (ALREADY_RECORDED).",
  })
  payment!: Payment | null;
  @Field(() => BankImportRowError, { nullable: true, description: "Why, when ERROR." })
  error!: BankImportRowError | null;
}

@ObjectType("BankImportResult", { description: "A bank file's rows and totals." })
export class BankImportResult {
  @Field(() => Boolean, { description: "Nothing was written." }) dryRun!: boolean;
  @Field(() => [BankImportRow], { description: "One per row, in the order sent." })
  rows!: BankImportRow[];
  @Field(() => Int, { description: "Payments recorded now (0 on a dry run)." }) recorded!: number;
  @Field(() => RupiahScalar, { description: "Rupiah recorded now." }) recordedAmount!: number;
  @Field(() => Int, { description: "Dry run: rows that would be recorded." }) ready!: number;
  @Field(() => RupiahScalar, { description: "Dry run: rupiah that would be recorded." })
  readyAmount!: number;
  @Field(() => Int, {
    description: "Rows whose reference the donor already has with the same amount: nothing new.",
  })
  alreadyRecorded!: number;
  @Field(() => Int, { description: "Rows with no donor: pick one and send them again." })
  unmatched!: number;
  @Field(() => Int, { description: "Rows refused." }) errors!: number;
}
