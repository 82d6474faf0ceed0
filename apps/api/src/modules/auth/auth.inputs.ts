import { Field, ID, InputType, ObjectType } from "type-graphql";
import { Role } from "@sertakan/schema";
import { ApiKey, User } from "./user.entity";

@ObjectType("AuthPayload")
export class AuthPayload {
  @Field(() => String, {
    description: "Send as `Authorization: Bearer <token>`; the admin app uses the cookie instead.",
  })
  token!: string;
  @Field(() => User) user!: User;
}

@ObjectType("ApiKeyPayload")
export class ApiKeyPayload {
  @Field(() => String, { description: "Shown once." }) secret!: string;
  @Field(() => ApiKey) apiKey!: ApiKey;
}

@InputType("CreateUserInput")
export class CreateUserInput {
  @Field(() => String) email!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { description: "At least 10 characters." }) password!: string;
  @Field(() => Role) role!: Role;
  @Field(() => ID, {
    nullable: true,
    description: "Region the user is limited to; null = national.",
  })
  regionScope?: string | null;
}
