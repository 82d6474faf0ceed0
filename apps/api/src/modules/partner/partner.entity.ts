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
  @PrimaryGeneratedColumn("uuid") @Field(() => ID) id!: string;
  @Column({ type: "text" }) @Field(() => PartnerKind) kind!: PartnerKind;
  @Column({ type: "text" }) @Field(() => String) name!: string;
  @Column({ type: "varchar", length: 13, name: "region_code" }) regionCode!: string;
  @Column({ type: "text", nullable: true }) @Field(() => String, { nullable: true }) address!:
    string | null;
  @Column({ type: "text", nullable: true }) @Field(() => String, { nullable: true }) phone!:
    string | null;
  @Column({ type: "text", nullable: true }) @Field(() => String, { nullable: true }) email!:
    string | null;
  @Column({ type: "text", name: "agreement_number", nullable: true })
  @Field(() => String, { nullable: true })
  agreementNumber!: string | null;
  @Column({ type: "date", name: "agreement_start", nullable: true })
  @Field(() => DateScalar, { nullable: true })
  agreementStart!: string | null;
  @Column({ type: "date", name: "agreement_end", nullable: true })
  @Field(() => DateScalar, { nullable: true })
  agreementEnd!: string | null;
  @Column({ type: "boolean" }) @Field(() => Boolean) active!: boolean;
  @Column({ type: "timestamptz", name: "created_at" })
  @Field(() => DateTimeScalar)
  createdAt!: Date;
  @Column({ type: "timestamptz", name: "updated_at" }) updatedAt!: Date;
}

@Entity("engagement")
@ObjectType("Engagement", {
  description:
    "A meeting with a partner: socialisation, monitoring and evaluation (monev), training.",
})
export class Engagement {
  @PrimaryGeneratedColumn("uuid") @Field(() => ID) id!: string;
  @Column({ type: "uuid", name: "partner_id" }) partnerId!: string;
  @Column({ type: "text" }) @Field(() => EngagementKind) kind!: EngagementKind;
  @Column({ type: "date" }) @Field(() => DateScalar) date!: string;
  @Column({ type: "text", nullable: true }) @Field(() => String, { nullable: true }) notes!:
    string | null;
  @Column({ type: "integer", nullable: true }) @Field(() => Int, { nullable: true }) attendees!:
    number | null;
  @Column({ type: "timestamptz", name: "created_at" }) createdAt!: Date;
}
