import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { ReminderKind, ReminderStatus } from "@sertakan/schema";
import { bigintAsNumber, dateAsYearMonth } from "../../database/transformers";
import { DateTimeScalar, RupiahScalar, YearMonthScalar } from "../../graphql/scalars";

@Entity("donor_reminder")
@ObjectType("DonorReminder", {
  description:
    "At most one reminder per donor, kind and month, created by a scheduled job that is safe with several API instances.",
})
export class DonorReminder {
  @PrimaryGeneratedColumn("uuid")
  @Field(() => ID, { description: "The reminder's id." })
  id!: string;
  @Column({ type: "uuid", name: "donor_id" }) donorId!: string;
  @Column({ type: "text" })
  @Field(() => ReminderKind, { description: "Cover ending soon, or months due unpaid." })
  kind!: ReminderKind;
  @Column({ type: "date", transformer: dateAsYearMonth })
  @Field(() => YearMonthScalar, { description: "The month (Asia/Jakarta) it was made for." })
  month!: string;
  @Column({ type: "uuid", array: true, name: "sponsorship_ids" }) sponsorshipIds!: string[];
  @Column({ type: "bigint", transformer: bigintAsNumber })
  @Field(() => RupiahScalar, {
    description:
      "For PAYMENT_DUE: what is due and not covered by credit; for COVER_ENDING: the monthly total that would stop.",
  })
  amount!: number;
  @Column({ type: "text" })
  @Field(() => ReminderStatus, { description: "Waiting, sent by e-mail, or given up." })
  status!: ReminderStatus;
  @Column({ type: "integer" })
  @Field(() => Int, { description: "Delivery attempts that failed so far." })
  attempts!: number;
  @Column({ type: "timestamptz", name: "next_attempt_at", nullable: true })
  nextAttemptAt!: Date | null;
  @Column({ type: "timestamptz", name: "sent_at", nullable: true })
  @Field(() => DateTimeScalar, { nullable: true, description: "When the e-mail was accepted." })
  sentAt!: Date | null;
  @Column({ type: "text", name: "last_error", nullable: true })
  @Field(() => String, { nullable: true, description: "Why the last attempt failed." })
  lastError!: string | null;
  @Column({ type: "timestamptz", name: "created_at" })
  @Field(() => DateTimeScalar, { description: "When the job created it." })
  createdAt!: Date;
}
