import { DataSource } from "typeorm";
import { Role } from "@sertakan/schema";
import { regionLoaders } from "./modules/region/region.loaders";
import { partnerLoaders } from "./modules/partner/partner.loaders";
import { donorLoaders } from "./modules/donor/donor.loaders";
import { workerLoaders } from "./modules/worker/worker.loaders";
import { sponsorshipLoaders } from "./modules/sponsorship/sponsorship.loaders";
import { paymentLoaders } from "./modules/payment/payment.loaders";
import { Services } from "./services";

/** Who is asking. Access control (roles, region scope) arrives with the access issue. */
export type Viewer = { id: string; role: Role; regionScope: string | null };

export type Loaders = ReturnType<typeof createLoaders>;

/** One per request: DataLoaders cache only for the request that made them. */
export type Context = {
  viewer: Viewer;
  loaders: Loaders;
  services: Services;
  dataSource: DataSource;
};

export function createLoaders(db: DataSource, services: Services) {
  return {
    ...regionLoaders(db),
    ...partnerLoaders(db),
    ...donorLoaders(db),
    ...workerLoaders(services.worker),
    ...sponsorshipLoaders(db, services.sponsorship),
    ...paymentLoaders(db),
  };
}

// Until sign-in exists every caller acts as the national administrator.
const SYSTEM_VIEWER: Viewer = { id: "system", role: Role.ADMIN, regionScope: null };

export function createContext(dataSource: DataSource, services: Services): Context {
  return {
    viewer: SYSTEM_VIEWER,
    loaders: createLoaders(dataSource, services),
    services,
    dataSource,
  };
}
