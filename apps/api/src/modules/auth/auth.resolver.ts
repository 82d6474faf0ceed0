import {
  Arg,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Mutation,
  Query,
  Resolver,
  Root,
} from "type-graphql";
import { Role } from "@sertakan/schema";
import { Context, viewerOf } from "../../context";
import { Region } from "../region/region.entity";
import { AuthPayload, ApiKeyPayload, CreateUserInput } from "./auth.inputs";
import { SESSION_COOKIE, sessionCookieOptions } from "./http-auth";
import { SESSION_DAYS } from "./auth.service";
import { ApiKey, User } from "./user.entity";

@Resolver(() => User)
export class AuthResolver {
  @Query(() => User, {
    nullable: true,
    description: "The signed-in user; null when anonymous or called with an API key.",
  })
  me(@Ctx() ctx: Context): Promise<User | null> {
    return ctx.services.auth.me(ctx.viewer);
  }

  @Mutation(() => AuthPayload, {
    description:
      "Also sets an httpOnly session cookie for the admin app. Wrong credentials: UNAUTHENTICATED; too many failures: TOO_MANY_ATTEMPTS.",
  })
  async login(
    @Arg("email", () => String, { description: "The user's sign-in e-mail." }) email: string,
    @Arg("password", () => String, { description: "The user's password." }) password: string,
    @Ctx() ctx: Context,
  ): Promise<AuthPayload> {
    const { token, user } = await ctx.services.auth.login(email, password, ctx.address);
    ctx.res?.cookie(
      SESSION_COOKIE,
      token,
      sessionCookieOptions(ctx.services.production, SESSION_DAYS),
    );
    return { token, user };
  }

  @Authorized()
  @Mutation(() => Boolean, {
    description: "Ends the session server-side; the token and cookie stop working.",
  })
  async logout(@Ctx() ctx: Context): Promise<boolean> {
    const ended = await ctx.services.auth.logout(ctx.viewer);
    ctx.res?.clearCookie(SESSION_COOKIE, sessionCookieOptions(ctx.services.production, 0));
    return ended;
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => User, { description: "Lets a person sign in. National ADMIN only." })
  createUser(
    @Arg("input", () => CreateUserInput, {
      description: "The person, their role and region scope.",
    })
    input: CreateUserInput,
    @Ctx() ctx: Context,
  ): Promise<User> {
    return ctx.services.auth.createUser(viewerOf(ctx), input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => ApiKeyPayload, {
    description:
      "A key for a regional office's program. National ADMIN only; the secret is shown once.",
  })
  createApiKey(
    @Arg("name", () => String, {
      description: "What the key is for, e.g. the office and program that use it.",
    })
    name: string,
    @Arg("role", () => Role, { description: "What the key may do; VIEWER for reports." })
    role: Role,
    @Ctx() ctx: Context,
    @Arg("regionScope", () => ID, {
      nullable: true,
      description: "Region the key is limited to; omit for national.",
    })
    regionScope?: string,
  ): Promise<ApiKeyPayload> {
    return ctx.services.auth.createApiKey(viewerOf(ctx), name, role, regionScope ?? null);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Boolean, { description: "Stops an API key at once. National ADMIN only." })
  revokeApiKey(
    @Arg("id", () => ID, { description: "The key's id." }) id: string,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    return ctx.services.auth.revokeApiKey(viewerOf(ctx), id);
  }

  @Authorized(Role.ADMIN)
  @Query(() => [ApiKey], {
    description: "Every API key, newest first (secrets are never shown again).",
  })
  apiKeys(@Ctx() ctx: Context): Promise<ApiKey[]> {
    return ctx.services.auth.listApiKeys(viewerOf(ctx));
  }

  // The admin app's users page; like apiKeys, national ADMIN business.
  @Authorized(Role.ADMIN)
  @Query(() => [User], {
    description: "Every user who may sign in, by e-mail. National ADMIN only.",
  })
  users(@Ctx() ctx: Context): Promise<User[]> {
    return ctx.services.auth.listUsers(viewerOf(ctx));
  }

  @FieldResolver(() => Region, { nullable: true, description: "null = national" })
  regionScope(@Root() user: User, @Ctx() ctx: Context) {
    return user.regionScope ? ctx.loaders.regionByCode.load(user.regionScope) : null;
  }
}

@Resolver(() => ApiKey)
export class ApiKeyResolver {
  @FieldResolver(() => Region, { nullable: true, description: "null = national" })
  regionScope(@Root() key: ApiKey, @Ctx() ctx: Context) {
    return key.regionScope ? ctx.loaders.regionByCode.load(key.regionScope) : null;
  }

  @FieldResolver(() => Boolean, { description: "true once revokeApiKey has stopped the key." })
  revoked(@Root() key: ApiKey): boolean {
    return key.revokedAt !== null;
  }
}
