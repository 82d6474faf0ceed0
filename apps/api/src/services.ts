import { DataSource } from "typeorm";
import { RegionService } from "./modules/region/region.service";
import { PartnerService } from "./modules/partner/partner.service";
import { DonorService } from "./modules/donor/donor.service";
import { WorkerService } from "./modules/worker/worker.service";
import { PaymentService } from "./modules/payment/payment.service";
import { SponsorshipService } from "./modules/sponsorship/sponsorship.service";

/** Services are stateless and shared by all requests; per-request state lives in the context. */
export type Services = ReturnType<typeof createServices>;

/** `now` is the clock every rule about "this month" reads; tests may set it. */
export function createServices(db: DataSource, now: () => Date = () => new Date()) {
  const region = new RegionService(db);
  const partner = new PartnerService(db, region);
  const donor = new DonorService(db, region, partner);
  const payment = new PaymentService(db, donor, now);
  return {
    now,
    region,
    partner,
    donor,
    worker: new WorkerService(db, region, partner, now),
    payment,
    sponsorship: new SponsorshipService(db, donor, payment, now),
  };
}
