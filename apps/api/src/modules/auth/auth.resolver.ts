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
    @Arg("email", () => String) email: string,
    @Arg("password", () => String) password: string,
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
  @Mutation(() => User)
  createUser(
    @Arg("input", () => CreateUserInput) input: CreateUserInput,
    @Ctx() ctx: Context,
  ): Promise<User> {
    return ctx.services.auth.createUser(viewerOf(ctx), input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => ApiKeyPayload)
  createApiKey(
    @Arg("name", () => String) name: string,
    @Arg("role", () => Role) role: Role,
    @Ctx() ctx: Context,
    @Arg("regionScope", () => ID, { nullable: true }) regionScope?: string,
  ): Promise<ApiKeyPayload> {
    return ctx.services.auth.createApiKey(viewerOf(ctx), name, role, regionScope ?? null);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Boolean)
  revokeApiKey(@Arg("id", () => ID) id: string, @Ctx() ctx: Context): Promise<boolean> {
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

  @FieldResolver(() => Boolean)
  revoked(@Root() key: ApiKey): boolean {
    return key.revokedAt !== null;
  }
}
