import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { EngagementKind, PartnerKind } from "@sertakan/schema";
import { DateScalar, DateTimeScalar } from "../../graphql/scalars";

@Entity("partner")
@ObjectType("Partner", {
  description:
    "A PLKK facility, Perisai agent, local government, company or other partner (mitra).",
})
export class Partner {
  @PrimaryGeneratedColumn("uuid")
  @Field(() => ID, { description: "The partner's id." })
  id!: string;
  @Column({ type: "text" })
  @Field(() => PartnerKind, {
    description:
      "PLKK hospital, clinic or puskesmas, Perisai agent, company, local government\u2026",
  })
  kind!: PartnerKind;
  @Column({ type: "text" })
  @Field(() => String, { description: "The partner's name." })
  name!: string;
  @Column({ type: "varchar", length: 13, name: "region_code" }) regionCode!: string;
  @Column({ type: "text", nullable: true })
  @Field(() => String, { nullable: true, description: "Street address." })
  address!: string | null;
  @Column({ type: "text", nullable: true })
  @Field(() => String, { nullable: true, description: "Contact phone number." })
  phone!: string | null;
  @Column({ type: "text", nullable: true })
  @Field(() => String, { nullable: true, description: "Contact e-mail." })
  email!: string | null;
  @Column({ type: "text", name: "agreement_number", nullable: true })
  @Field(() => String, {
    nullable: true,
    description: "Number of the cooperation agreement (PKS).",
  })
  agreementNumber!: string | null;
  @Column({ type: "date", name: "agreement_start", nullable: true })
  @Field(() => DateScalar, {
    nullable: true,
    description: "First day of the cooperation agreement.",
  })
  agreementStart!: string | null;
  @Column({ type: "date", name: "agreement_end", nullable: true })
  @Field(() => DateScalar, {
    nullable: true,
    description: "Last day of the cooperation agreement.",
  })
  agreementEnd!: string | null;
  @Column({ type: "boolean" })
  @Field(() => Boolean, { description: "false once the partnership has ended." })
  active!: boolean;
  @Column({ type: "timestamptz", name: "created_at" })
  @Field(() => DateTimeScalar, { description: "When the partner was registered." })
  createdAt!: Date;
  @Column({ type: "timestamptz", name: "updated_at" }) updatedAt!: Date;
}

@Entity("engagement")
@ObjectType("Engagement", {
  description:
    "A meeting with a partner: socialisation, monitoring and evaluation (monev), training.",
})
export class Engagement {
  @PrimaryGeneratedColumn("uuid")
  @Field(() => ID, { description: "The engagement's id." })
  id!: string;
  @Column({ type: "uuid", name: "partner_id" }) partnerId!: string;
  @Column({ type: "text" })
  @Field(() => EngagementKind, {
    description: "Socialisation, monitoring and evaluation (monev), training or other.",
  })
  kind!: EngagementKind;
  @Column({ type: "date" })
  @Field(() => DateScalar, { description: "The day it took place." })
  date!: string;
  @Column({ type: "text", nullable: true })
  @Field(() => String, { nullable: true, description: "Free notes." })
  notes!: string | null;
  @Column({ type: "integer", nullable: true })
  @Field(() => Int, { nullable: true, description: "How many people took part." })
  attendees!: number | null;
  @Column({ type: "timestamptz", name: "created_at" }) createdAt!: Date;
}
