import { Column, Entity, PrimaryColumn } from "typeorm";
import { Field, ID, ObjectType } from "type-graphql";
import { DateTimeScalar, JSONScalar } from "../../graphql/scalars";

@Entity("audit_entry")
@ObjectType("AuditEntry", {
  description: "One change: who, what, when. Written in the same transaction as the change.",
})
export class AuditEntry {
  @PrimaryColumn({ type: "bigint" }) @Field(() => ID) id!: string;
  @Column({ type: "timestamptz" }) @Field(() => DateTimeScalar) at!: Date;
  @Column({ type: "text" }) @Field(() => String) actor!: string;
  @Column({ type: "text" }) @Field(() => String) action!: string;
  @Column({ type: "text" }) @Field(() => String) entity!: string;
  @Column({ type: "text", name: "entity_id", nullable: true })
  @Field(() => ID, { nullable: true })
  entityId!: string | null;
  @Column({ type: "jsonb", nullable: true })
  @Field(() => JSONScalar, { nullable: true })
  changes!: Record<string, unknown> | null;
}
