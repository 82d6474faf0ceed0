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
  @PrimaryGeneratedColumn("uuid") @Field(() => ID) id!: string;
  @Column({ type: "uuid", name: "donor_id" }) donorId!: string;
  @Column({ type: "uuid", name: "worker_id" }) workerId!: string;
  @Column({ type: "text" }) @Field(() => ProgramPackage) package!: ProgramPackage;

  @Column({ type: "bigint", name: "declared_income", transformer: bigintAsNumber })
  @Field(() => RupiahScalar)
  declaredIncome!: number;

  @Column({ type: "bigint", name: "monthly_amount", transformer: bigintAsNumber })
  @Field(() => RupiahScalar, {
    name: "monthlyContribution",
    description: "Priced at pledge time and kept.",
  })
  monthlyAmount!: number;

  @Column({ type: "date", name: "start_month", transformer: dateAsYearMonth })
  @Field(() => YearMonthScalar)
  startMonth!: string;
  @Column({ type: "date", name: "end_month", transformer: dateAsYearMonth })
  @Field(() => YearMonthScalar)
  endMonth!: string;
  @Column({ type: "integer" }) @Field(() => Int) months!: number;
  @Column({ type: "timestamptz", name: "cancelled_at", nullable: true }) cancelledAt!: Date | null;
  @Column({ type: "text", name: "cancel_reason", nullable: true })
  @Field(() => String, { nullable: true })
  cancelReason!: string | null;
  @Column({ type: "timestamptz", name: "created_at" })
  @Field(() => DateTimeScalar)
  createdAt!: Date;
}

@Entity("contribution")
@ObjectType("Contribution", { description: "One worker-month of a sponsorship." })
export class Contribution {
  @PrimaryGeneratedColumn("uuid") @Field(() => ID) id!: string;
  @Column({ type: "uuid", name: "sponsorship_id" }) sponsorshipId!: string;
  @Column({ type: "uuid", name: "worker_id" }) workerId!: string;
  @Column({ type: "uuid", name: "donor_id" }) donorId!: string;
  @Column({ type: "date", transformer: dateAsYearMonth })
  @Field(() => YearMonthScalar)
  month!: string;
  @Column({ type: "bigint", transformer: bigintAsNumber })
  @Field(() => RupiahScalar)
  amount!: number;
  @Column({ type: "text" }) @Field(() => ContributionStatus) status!: ContributionStatus;
  @Column({ type: "uuid", name: "payment_id", nullable: true }) paymentId!: string | null;
  @Column({ type: "timestamptz", name: "paid_at", nullable: true }) paidAt!: Date | null;
}
