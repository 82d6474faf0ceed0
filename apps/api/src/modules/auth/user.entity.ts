import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { Field, ID, ObjectType } from "type-graphql";
import { Role } from "@sertakan/schema";
import { DateTimeScalar } from "../../graphql/scalars";

@Entity("app_user")
@ObjectType("User", { description: "A person who signs in to the admin app." })
export class User {
  @PrimaryGeneratedColumn("uuid") @Field(() => ID, { description: "The user's id." }) id!: string;
  @Column({ type: "text" }) @Field(() => String, { description: "Sign-in e-mail." }) email!: string;
  @Column({ type: "text" })
  @Field(() => String, { description: "The person's name." })
  name!: string;
  @Column({ type: "text", name: "password_hash", select: false }) passwordHash!: string;
  @Column({ type: "text" })
  @Field(() => Role, { description: "ADMIN, OFFICER or VIEWER." })
  role!: Role;
  @Column({ type: "varchar", length: 13, name: "region_scope", nullable: true }) regionScope!:
    string | null;
  @Column({ type: "timestamptz", name: "created_at" }) createdAt!: Date;
}

@Entity("api_key")
@ObjectType("ApiKey", {
  description: "A key a regional office's program sends as `Authorization: Bearer <secret>`.",
})
export class ApiKey {
  @PrimaryGeneratedColumn("uuid")
  @Field(() => ID, { description: "The key's id, for revokeApiKey." })
  id!: string;
  @Column({ type: "text" })
  @Field(() => String, {
    description: "What the key is for, e.g. the office and program that use it.",
  })
  name!: string;
  @Column({ type: "text", name: "secret_hash", select: false }) secretHash!: string;
  @Column({ type: "text" })
  @Field(() => Role, { description: "What the key may do; regional programs usually get VIEWER." })
  role!: Role;
  @Column({ type: "varchar", length: 13, name: "region_scope", nullable: true }) regionScope!:
    string | null;
  @Column({ type: "uuid", name: "created_by", nullable: true }) createdBy!: string | null;
  @Column({ type: "timestamptz", name: "created_at" })
  @Field(() => DateTimeScalar, { description: "When the key was created." })
  createdAt!: Date;
  @Column({ type: "timestamptz", name: "last_used_at", nullable: true })
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: "Last request made with the key; null if never used.",
  })
  lastUsedAt!: Date | null;
  @Column({ type: "timestamptz", name: "revoked_at", nullable: true }) revokedAt!: Date | null;
}
