import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { Field, ID, ObjectType } from "type-graphql";
import { bigintAsNumber } from "../../database/transformers";
import { DateTimeScalar, RupiahScalar } from "../../graphql/scalars";

@Entity("payment")
@ObjectType("Payment", { description: "Money received from a donor." })
export class Payment {
  @PrimaryGeneratedColumn("uuid")
  @Field(() => ID, { description: "The payment's id." })
  id!: string;
  @Column({ type: "uuid", name: "donor_id" }) donorId!: string;
  @Column({ type: "bigint", transformer: bigintAsNumber })
  @Field(() => RupiahScalar, { description: "Rupiah received." })
  amount!: number;
  @Column({ type: "timestamptz", name: "paid_at" })
  @Field(() => DateTimeScalar, { description: "When the money was paid." })
  paidAt!: Date;

  @Column({ type: "text" })
  @Field(() => String, {
    description:
      "Receipt or bank reference, unique per donor. Recording the same reference again returns the first payment and writes nothing.",
  })
  reference!: string;

  @Column({ type: "timestamptz", name: "created_at" }) createdAt!: Date;
}
