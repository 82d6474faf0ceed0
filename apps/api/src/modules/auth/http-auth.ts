import type { CookieOptions, NextFunction, Request, Response } from "express";
import { parse as parseCookies } from "cookie";
import { writeJson } from "../../http/write-json";
import type { AuthService } from "./auth.service";
import type { Viewer } from "./viewer";

export const SESSION_COOKIE = "sertakan_session";

export function sessionCookieOptions(production: boolean, days: number): CookieOptions {
  return {
    httpOnly: true,
    sameSite: "lax",
    secure: production,
    path: "/",
    maxAge: days * 86_400_000,
  };
}

declare module "express-serve-static-core" {
  interface Request {
    viewer?: Viewer | null;
  }
}

/**
 * Resolves the caller once per request: `Authorization: Bearer <session token or API key>`,
 * else the admin app's session cookie. A credential that is sent but not valid is refused
 * here (401), so a revoked key never silently becomes an anonymous caller.
 */
export function authenticate(auth: AuthService) {
  return async (req: Request, res: Response, next: NextFunction) => {
    // Once per request: the GraphQL edge (http/graphql-edge.ts) may have resolved it already.
    if (req.viewer !== undefined) return next();
    const header = req.headers.authorization;
    let secret: string | undefined;
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match)
        return refuse(res, "Send the credential as `Authorization: Bearer <token or API key>`.");
      secret = match[1];
    } else {
      secret = parseCookies(req.headers.cookie ?? "")[SESSION_COOKIE];
    }
    if (!secret) {
      req.viewer = null;
      return next();
    }
    try {
      req.viewer = await auth.authenticate(secret);
    } catch (error) {
      return next(error);
    }
    if (!req.viewer) {
      // A stale cookie is just a signed-out browser; a bad bearer credential is an error.
      if (header) return refuse(res, "This token or API key is unknown, expired or revoked.");
      res.clearCookie(SESSION_COOKIE, { path: "/" });
    }
    next();
  };
}

function refuse(res: Response, message: string) {
  writeJson(res, 401, { errors: [{ message, extensions: { code: "UNAUTHENTICATED" } }] });
}
