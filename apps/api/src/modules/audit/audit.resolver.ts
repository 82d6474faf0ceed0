import { Arg, Authorized, Ctx, ID, Query, Resolver } from "type-graphql";
import { ForbiddenError, Role } from "@sertakan/schema";
import { Context, viewerOf } from "../../context";
import { AfterCursorArg, PageSizeArg, connectionTypes } from "../../graphql/pagination";
import { AuditEntry } from "./audit.entity";

export const { Connection: AuditEntryConnection } = connectionTypes("AuditEntry", AuditEntry);

@Resolver(() => AuditEntry)
export class AuditResolver {
  @Authorized(Role.ADMIN)
  @Query(() => AuditEntryConnection, { description: "Newest first. National ADMIN only." })
  async auditLog(
    @Ctx() ctx: Context,
    @Arg("entity", () => String, {
      nullable: true,
      description: "Only entries about this kind of record, e.g. worker.",
    })
    entity?: string,
    @Arg("entityId", () => ID, { nullable: true, description: "Only entries about this record." })
    entityId?: string,
    @PageSizeArg()
    first?: number,
    @AfterCursorArg()
    after?: string,
  ) {
    if (viewerOf(ctx).regionScope !== null)
      throw new ForbiddenError("The audit log is for national administrators.");
    return AuditEntryConnection.of(await ctx.services.audit.list(entity, entityId, first, after));
  }
}
