import type { AuthChecker } from "type-graphql";
import { ForbiddenError, Role, UnauthenticatedError } from "@sertakan/schema";
import type { Context } from "../context";

/**
 * @Authorized() needs a caller; @Authorized(roles) needs one of those roles. Region scope is
 * checked deeper, in the services, where the records are known.
 */
export const authChecker: AuthChecker<Context, Role> = ({ context }, roles) => {
  const viewer = context.viewer;
  if (!viewer)
    throw new UnauthenticatedError("Sign in, or send an API key as `Authorization: Bearer <key>`.");
  if (roles.length && !roles.includes(viewer.role)) {
    throw new ForbiddenError(
      `This needs the role ${roles.join(" or ")}; you are signed in as ${viewer.role}.`,
    );
  }
  return true;
};
