import { Field, ID, InputType, ObjectType } from "type-graphql";
import { Role } from "@sertakan/schema";
import { ApiKey, User } from "./user.entity";

@ObjectType("AuthPayload", { description: "The answer to a successful login." })
export class AuthPayload {
  @Field(() => String, {
    description: "Send as `Authorization: Bearer <token>`; the admin app uses the cookie instead.",
  })
  token!: string;
  @Field(() => User, { description: "The signed-in user." }) user!: User;
}

@ObjectType("ApiKeyPayload", { description: "A new API key with its secret." })
export class ApiKeyPayload {
  @Field(() => String, { description: "Shown once." }) secret!: string;
  @Field(() => ApiKey, { description: "The key as apiKeys lists it." }) apiKey!: ApiKey;
}

@InputType("CreateUserInput", { description: "A person to let sign in." })
export class CreateUserInput {
  @Field(() => String, { description: "Sign-in e-mail; must not be taken." }) email!: string;
  @Field(() => String, { description: "The person's name." }) name!: string;
  @Field(() => String, { description: "At least 10 characters." }) password!: string;
  @Field(() => Role, { description: "ADMIN, OFFICER or VIEWER." }) role!: Role;
  @Field(() => ID, {
    nullable: true,
    description: "Region the user is limited to; null = national.",
  })
  regionScope?: string | null;
}
