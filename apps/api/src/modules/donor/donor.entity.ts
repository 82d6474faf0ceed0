import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { Field, ID, ObjectType } from "type-graphql";
import { DonorKind } from "@sertakan/schema";
import { DateTimeScalar } from "../../graphql/scalars";

@Entity("donor")
@ObjectType("Donor", {
  description: "A person or organisation that pays workers' contributions (donatur).",
})
export class Donor {
  @PrimaryGeneratedColumn("uuid") @Field(() => ID, { description: "The donor's id." }) id!: string;
  @Column({ type: "text" })
  @Field(() => DonorKind, {
    description: "Individual, company, local government, zakat institution and so on.",
  })
  kind!: DonorKind;
  @Column({ type: "text" })
  @Field(() => String, { description: "The donor's name." })
  name!: string;
  @Column({ type: "text", name: "tax_id", nullable: true })
  @Field(() => String, { nullable: true, description: "NPWP" })
  taxId!: string | null;
  @Column({ type: "text", name: "contact_name", nullable: true })
  @Field(() => String, { nullable: true, description: "Person to contact at the donor." })
  contactName!: string | null;
  @Column({ type: "text", nullable: true })
  @Field(() => String, { nullable: true, description: "Contact phone number." })
  phone!: string | null;
  @Column({ type: "text", nullable: true })
  @Field(() => String, { nullable: true, description: "Contact e-mail." })
  email!: string | null;
  @Column({ type: "text", name: "account_number", nullable: true })
  @Field(() => String, {
    nullable: true,
    description:
      "Virtual-account or donor number the bank shows on the donor's transfers (Nomor VA / nomor donatur); bank files are matched by it. Upper case, unique.",
  })
  accountNumber!: string | null;
  @Column({ type: "varchar", length: 13, name: "region_code" }) regionCode!: string;
  @Column({ type: "uuid", name: "partner_id", nullable: true }) partnerId!: string | null;
  @Column({ type: "timestamptz", name: "created_at" })
  @Field(() => DateTimeScalar, { description: "When the donor was registered." })
  createdAt!: Date;
  @Column({ type: "timestamptz", name: "updated_at" }) updatedAt!: Date;
}
