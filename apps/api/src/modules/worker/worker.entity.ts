import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { Field, ID, ObjectType } from "type-graphql";
import { Gender, Occupation } from "@sertakan/schema";
import { dateAsYearMonth } from "../../database/transformers";
import { DateScalar, DateTimeScalar, YearMonthScalar } from "../../graphql/scalars";

@Entity("worker")
@ObjectType("Worker", {
  description: "A vulnerable informal (BPU) worker whose contributions donors may pay.",
})
export class Worker {
  @PrimaryGeneratedColumn("uuid") @Field(() => ID, { description: "The worker's id." }) id!: string;

  @Column({ type: "char", length: 16 })
  @Field(() => String, {
    description: "Full NIK for ADMIN and OFFICER; masked as 3310********0001 for VIEWER.",
  })
  nik!: string;

  @Column({ type: "text", name: "full_name" })
  @Field(() => String, { description: "Full name as on the identity card." })
  fullName!: string;
  @Column({ type: "text" })
  @Field(() => Gender, { description: "As the NIK says." })
  gender!: Gender;
  @Column({ type: "date", name: "birth_date" })
  @Field(() => DateScalar, { nullable: true, description: "null for VIEWER" })
  birthDate!: string;
  @Column({ type: "text" })
  @Field(() => Occupation, { description: "What the worker does for a living." })
  occupation!: Occupation;
  @Column({ type: "text", nullable: true })
  @Field(() => String, { nullable: true, description: "null for VIEWER" })
  phone!: string | null;

  // Domicile. The coarser codes are derived from it and kept for one-equality region filters.
  @Column({ type: "varchar", length: 13, name: "village_code" }) villageCode!: string;
  @Column({ type: "varchar", length: 8, name: "district_code" }) districtCode!: string;
  @Column({ type: "varchar", length: 5, name: "regency_code" }) regencyCode!: string;
  @Column({ type: "varchar", length: 2, name: "province_code" }) provinceCode!: string;

  @Column({ type: "text", name: "membership_number", nullable: true })
  @Field(() => String, {
    nullable: true,
    description: "BPJS membership card number (KPJ), once issued.",
  })
  membershipNumber!: string | null;

  @Column({ type: "uuid", name: "recruited_by_id", nullable: true }) recruitedById!: string | null;

  // Kept in step by the payment transaction (paid months never become unpaid).
  @Column({ type: "date", name: "covered_through", nullable: true, transformer: dateAsYearMonth })
  @Field(() => YearMonthScalar, { nullable: true, description: "Last paid month, if any." })
  coveredThrough!: string | null;
  @Column({ type: "timestamptz", name: "created_at" })
  @Field(() => DateTimeScalar, { description: "When the worker was registered." })
  createdAt!: Date;
  @Column({ type: "timestamptz", name: "updated_at" })
  @Field(() => DateTimeScalar, { description: "When the worker's details last changed." })
  updatedAt!: Date;
}
