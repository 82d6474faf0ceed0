import { DataSource } from "typeorm";
import { Access, Role, UnauthenticatedError } from "@sertakan/schema";
import type { Response } from "express";
import { regionLoaders } from "./modules/region/region.loaders";
import { partnerLoaders } from "./modules/partner/partner.loaders";
import { donorLoaders } from "./modules/donor/donor.loaders";
import { workerLoaders } from "./modules/worker/worker.loaders";
import { sponsorshipLoaders } from "./modules/sponsorship/sponsorship.loaders";
import { paymentLoaders } from "./modules/payment/payment.loaders";
import { coverageLoaders } from "./modules/analytics/coverage.loaders";
import { accidentLoaders } from "./modules/accident/accident.loaders";
import { reminderLoaders } from "./modules/reminder/reminder.loaders";
import type { Viewer } from "./modules/auth/viewer";
import { Services } from "./services";
import type { CompiledReads } from "./compiled-reads/reads";

export type { Viewer } from "./modules/auth/viewer";
export type Loaders = ReturnType<typeof createLoaders>;

/** One per request: DataLoaders cache only for the request (and the viewer) that made them. */
export type Context = {
  viewer: Viewer | null;
  loaders: Loaders;
  services: Services;
  dataSource: DataSource;
  /** The HTTP response, for the session cookie; absent outside HTTP. */
  res?: Response;
  /** The caller's address, for sign-in throttling. */
  address: string;
  /** Reads compiled to one statement (compiled-reads/); absent: every field resolves the general way. */
  compiledReads?: CompiledReads;
};

// Loaders that filter by scope get this for anonymous requests: a scope that matches nothing.
const NO_ACCESS: Access = { role: Role.VIEWER, regionScope: "00" };

export function createLoaders(db: DataSource, services: Services, access: Access) {
  return {
    ...regionLoaders(db),
    ...partnerLoaders(db),
    ...donorLoaders(db),
    ...workerLoaders(services.worker, access),
    ...sponsorshipLoaders(db, services.sponsorship, access),
    ...paymentLoaders(db),
    ...coverageLoaders(services.coverage),
    ...accidentLoaders(db, services.accident),
    ...reminderLoaders(db, services.reminder),
  };
}

export function createContext(
  dataSource: DataSource,
  services: Services,
  viewer: Viewer | null,
  http: { res?: Response; address: string; compiledReads?: CompiledReads } = {
    address: "unknown",
  },
): Context {
  return {
    viewer,
    loaders: createLoaders(dataSource, services, viewer ?? NO_ACCESS),
    services,
    dataSource,
    ...http,
  };
}

/** The caller, for resolvers behind @Authorized (which already refused anonymous callers). */
export function viewerOf(ctx: Context): Viewer {
  if (!ctx.viewer)
    throw new UnauthenticatedError("Sign in, or send an API key as `Authorization: Bearer <key>`.");
  return ctx.viewer;
}
