import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { Field, ID, ObjectType } from "type-graphql";
import { Role } from "@sertakan/schema";
import { DateTimeScalar } from "../../graphql/scalars";

@Entity("app_user")
@ObjectType("User", { description: "A person who signs in to the admin app." })
export class User {
  @PrimaryGeneratedColumn("uuid") @Field(() => ID) id!: string;
  @Column({ type: "text" }) @Field(() => String) email!: string;
  @Column({ type: "text" }) @Field(() => String) name!: string;
  @Column({ type: "text", name: "password_hash", select: false }) passwordHash!: string;
  @Column({ type: "text" }) @Field(() => Role) role!: Role;
  @Column({ type: "varchar", length: 13, name: "region_scope", nullable: true }) regionScope!:
    string | null;
  @Column({ type: "timestamptz", name: "created_at" }) createdAt!: Date;
}

@Entity("api_key")
@ObjectType("ApiKey", {
  description: "A key a regional office's program sends as `Authorization: Bearer <secret>`.",
})
export class ApiKey {
  @PrimaryGeneratedColumn("uuid") @Field(() => ID) id!: string;
  @Column({ type: "text" }) @Field(() => String) name!: string;
  @Column({ type: "text", name: "secret_hash", select: false }) secretHash!: string;
  @Column({ type: "text" }) @Field(() => Role) role!: Role;
  @Column({ type: "varchar", length: 13, name: "region_scope", nullable: true }) regionScope!:
    string | null;
  @Column({ type: "uuid", name: "created_by", nullable: true }) createdBy!: string | null;
  @Column({ type: "timestamptz", name: "created_at" })
  @Field(() => DateTimeScalar)
  createdAt!: Date;
  @Column({ type: "timestamptz", name: "last_used_at", nullable: true })
  @Field(() => DateTimeScalar, { nullable: true })
  lastUsedAt!: Date | null;
  @Column({ type: "timestamptz", name: "revoked_at", nullable: true }) revokedAt!: Date | null;
}
