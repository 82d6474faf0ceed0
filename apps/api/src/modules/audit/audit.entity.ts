import { Column, Entity, PrimaryColumn } from "typeorm";
import { Field, ID, ObjectType } from "type-graphql";
import { DateTimeScalar, JSONScalar } from "../../graphql/scalars";

@Entity("audit_entry")
@ObjectType("AuditEntry", {
  description: "One change: who, what, when. Written in the same transaction as the change.",
})
export class AuditEntry {
  @PrimaryColumn({ type: "bigint" })
  @Field(() => ID, { description: "The entry's id." })
  id!: string;
  @Column({ type: "timestamptz" })
  @Field(() => DateTimeScalar, { description: "When it happened." })
  at!: Date;
  @Column({ type: "text" })
  @Field(() => String, { description: "Who did it: a user's e-mail, api-key:<name>, or system." })
  actor!: string;
  @Column({ type: "text" })
  @Field(() => String, {
    description: "The mutation or event, e.g. registerWorker, recordPayment, login.",
  })
  action!: string;
  @Column({ type: "text" })
  @Field(() => String, {
    description: "Kind of record changed, e.g. worker, donor, sponsorship, payment, session.",
  })
  entity!: string;
  @Column({ type: "text", name: "entity_id", nullable: true })
  @Field(() => ID, { nullable: true, description: "Id of the record changed, when there is one." })
  entityId!: string | null;
  @Column({ type: "jsonb", nullable: true })
  @Field(() => JSONScalar, {
    nullable: true,
    description:
      'The changed fields; NIKs masked, phone, birth dates and secrets shown as "(changed)".',
  })
  changes!: Record<string, unknown> | null;
}
