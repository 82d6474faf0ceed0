import { DataSource } from "typeorm";
import { RegionService } from "./modules/region/region.service";
import { PartnerService } from "./modules/partner/partner.service";
import { DonorService } from "./modules/donor/donor.service";
import { WorkerService } from "./modules/worker/worker.service";

/** Services are stateless and shared by all requests; per-request state lives in the context. */
export type Services = ReturnType<typeof createServices>;

export function createServices(db: DataSource) {
  const region = new RegionService(db);
  const partner = new PartnerService(db, region);
  return {
    region,
    partner,
    donor: new DonorService(db, region, partner),
    worker: new WorkerService(db, region, partner),
  };
}
