import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { ContributionStatus, ProgramPackage } from "@sertakan/schema";
import { bigintAsNumber, dateAsYearMonth } from "../../database/transformers";
import { DateTimeScalar, RupiahScalar, YearMonthScalar } from "../../graphql/scalars";

@Entity("sponsorship")
@ObjectType("Sponsorship", {
  description: "A donor's pledge to pay a worker's contributions for consecutive months.",
})
export class Sponsorship {
  @PrimaryGeneratedColumn("uuid")
  @Field(() => ID, { description: "The sponsorship's id." })
  id!: string;
  @Column({ type: "uuid", name: "donor_id" }) donorId!: string;
  @Column({ type: "uuid", name: "worker_id" }) workerId!: string;
  @Column({ type: "text" })
  @Field(() => ProgramPackage, { description: "The benefits paid for." })
  package!: ProgramPackage;

  @Column({ type: "bigint", name: "declared_income", transformer: bigintAsNumber })
  @Field(() => RupiahScalar, { description: "Monthly income the contribution was priced on." })
  declaredIncome!: number;

  @Column({ type: "bigint", name: "monthly_amount", transformer: bigintAsNumber })
  @Field(() => RupiahScalar, {
    name: "monthlyContribution",
    description: "Priced at pledge time and kept.",
  })
  monthlyAmount!: number;

  @Column({ type: "date", name: "start_month", transformer: dateAsYearMonth })
  @Field(() => YearMonthScalar, { description: "First month covered." })
  startMonth!: string;
  @Column({ type: "date", name: "end_month", transformer: dateAsYearMonth })
  @Field(() => YearMonthScalar, { description: "Last month covered." })
  endMonth!: string;
  @Column({ type: "integer" })
  @Field(() => Int, { description: "Months pledged, 1 to 24." })
  months!: number;
  @Column({ type: "timestamptz", name: "cancelled_at", nullable: true }) cancelledAt!: Date | null;
  @Column({ type: "text", name: "cancel_reason", nullable: true })
  @Field(() => String, { nullable: true, description: "Why it was cancelled." })
  cancelReason!: string | null;
  @Column({ type: "timestamptz", name: "created_at" })
  @Field(() => DateTimeScalar, { description: "When it was pledged." })
  createdAt!: Date;
}

@Entity("contribution")
@ObjectType("Contribution", { description: "One worker-month of a sponsorship." })
export class Contribution {
  @PrimaryGeneratedColumn("uuid")
  @Field(() => ID, { description: "The contribution's id." })
  id!: string;
  @Column({ type: "uuid", name: "sponsorship_id" }) sponsorshipId!: string;
  @Column({ type: "uuid", name: "worker_id" }) workerId!: string;
  @Column({ type: "uuid", name: "donor_id" }) donorId!: string;
  @Column({ type: "date", transformer: dateAsYearMonth })
  @Field(() => YearMonthScalar, { description: "The calendar month this contribution covers." })
  month!: string;
  @Column({ type: "bigint", transformer: bigintAsNumber })
  @Field(() => RupiahScalar, {
    description: "The month's contribution in rupiah, fixed when pledged (e.g. 16800).",
  })
  amount!: number;
  @Column({ type: "text" })
  @Field(() => ContributionStatus, {
    description:
      "DUE until paid in full, then PAID; CANCELLED when its sponsorship was cancelled before payment.",
  })
  status!: ContributionStatus;
  @Column({ type: "uuid", name: "payment_id", nullable: true }) paymentId!: string | null;
  @Column({ type: "timestamptz", name: "paid_at", nullable: true }) paidAt!: Date | null;
}
