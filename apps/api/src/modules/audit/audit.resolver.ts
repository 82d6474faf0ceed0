import { Arg, Authorized, Ctx, ID, Int, Query, Resolver } from "type-graphql";
import { ForbiddenError, Role } from "@sertakan/schema";
import { Context, viewerOf } from "../../context";
import { connectionTypes } from "../../graphql/pagination";
import { AuditEntry } from "./audit.entity";

export const { Connection: AuditEntryConnection } = connectionTypes("AuditEntry", AuditEntry);

@Resolver(() => AuditEntry)
export class AuditResolver {
  @Authorized(Role.ADMIN)
  @Query(() => AuditEntryConnection, { description: "Newest first. National ADMIN only." })
  async auditLog(
    @Ctx() ctx: Context,
    @Arg("entity", () => String, { nullable: true }) entity?: string,
    @Arg("entityId", () => ID, { nullable: true }) entityId?: string,
    @Arg("first", () => Int, { nullable: true, defaultValue: 50 }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
  ) {
    if (viewerOf(ctx).regionScope !== null)
      throw new ForbiddenError("The audit log is for national administrators.");
    return AuditEntryConnection.of(await ctx.services.audit.list(entity, entityId, first, after));
  }
}
