import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { Field, ID, ObjectType } from "type-graphql";
import { AccidentCause, AccidentReportStatus } from "@sertakan/schema";
import { dateAsYearMonth } from "../../database/transformers";
import { DateTimeScalar } from "../../graphql/scalars";

@Entity("accident_report")
@ObjectType("AccidentReport", {
  description:
    "A work accident (JKK) reported by a PLKK, decided once when reported: ACCEPTED when a paid month covered the accident day, else NOT_COVERED. Later payments do not change it.",
})
export class AccidentReport {
  @PrimaryGeneratedColumn("uuid")
  @Field(() => ID, { description: "The report's id." })
  id!: string;
  @Column({ type: "uuid", name: "worker_id" }) workerId!: string;
  @Column({ type: "uuid", name: "partner_id" }) partnerId!: string;
  @Column({ type: "timestamptz", name: "occurred_at" })
  @Field(() => DateTimeScalar, { description: "When the accident happened." })
  occurredAt!: Date;
  /** The accident day's month in Asia/Jakarta, whose contribution decided cover. */
  @Column({ type: "date", name: "cover_month", transformer: dateAsYearMonth }) coverMonth!: string;
  @Column({ type: "text" })
  @Field(() => String, { description: "Where it happened." })
  place!: string;
  @Column({ type: "text" })
  @Field(() => AccidentCause, { description: "At work, on the way, occupational disease, other." })
  cause!: AccidentCause;
  @Column({ type: "text", nullable: true })
  @Field(() => String, { nullable: true, description: "What happened, in the reporter's words." })
  description!: string | null;
  @Column({ type: "text", name: "reporter_name" })
  @Field(() => String, { description: "Who reported it at the PLKK." })
  reporterName!: string;
  @Column({ type: "text", name: "reporter_phone", nullable: true })
  @Field(() => String, { nullable: true, description: "null for VIEWER" })
  reporterPhone!: string | null;
  @Column({ type: "text" })
  @Field(() => AccidentReportStatus, {
    description: "ACCEPTED when a paid month covered the accident day, else NOT_COVERED.",
  })
  status!: AccidentReportStatus;
  @Column({ type: "uuid", name: "covered_by_id", nullable: true }) coveredById!: string | null;
  @Column({ type: "boolean" })
  @Field(() => Boolean, { description: "Reported more than 48 hours after the accident." })
  late!: boolean;
  @Column({ type: "timestamptz", name: "created_at" })
  @Field(() => DateTimeScalar, { description: "When it was reported." })
  createdAt!: Date;
}
