import { DataSource } from "typeorm";
import { RegionService } from "./modules/region/region.service";
import { PartnerService } from "./modules/partner/partner.service";
import { DonorService } from "./modules/donor/donor.service";
import { WorkerService } from "./modules/worker/worker.service";
import { PaymentService } from "./modules/payment/payment.service";
import { BankImportService } from "./modules/payment/bank-import.service";
import { SponsorshipService } from "./modules/sponsorship/sponsorship.service";
import { RenewalService } from "./modules/sponsorship/renewal.service";
import { AuthService } from "./modules/auth/auth.service";
import { AuditService } from "./modules/audit/audit.service";
import { CoverageService } from "./modules/analytics/coverage.service";
import { AccidentService } from "./modules/accident/accident.service";
import { CommissionService } from "./modules/commission/commission.service";
import { ReminderService } from "./modules/reminder/reminder.service";
import type { MailConfig } from "./modules/reminder/reminder.mailer";
import { DocumentService } from "./modules/document/document.service";

/** Services are stateless and shared by all requests; per-request state lives in the context. */
export type Services = ReturnType<typeof createServices>;

/** `now` is the clock every rule about "this month" reads; tests may set it. */
export function createServices(
  db: DataSource,
  {
    now = () => new Date(),
    production = false,
    mail = null,
  }: { now?: () => Date; production?: boolean; mail?: MailConfig | null } = {},
) {
  const region = new RegionService(db);
  const partner = new PartnerService(db, region);
  const donor = new DonorService(db, region, partner);
  const payment = new PaymentService(db, donor, now);
  const worker = new WorkerService(db, region, partner, now);
  const sponsorship = new SponsorshipService(db, donor, payment, now);
  return {
    now,
    production,
    auth: new AuthService(db, region),
    audit: new AuditService(db),
    coverage: new CoverageService(db, region, now),
    region,
    partner,
    donor,
    worker,
    accident: new AccidentService(db, region, partner, worker, now),
    commission: new CommissionService(db, region),
    reminder: new ReminderService(db, now, mail),
    document: new DocumentService(db, donor, payment, region, now),
    payment,
    bankImport: new BankImportService(db, payment, now),
    sponsorship,
    renewal: new RenewalService(db, sponsorship, donor, payment, now),
  };
}
