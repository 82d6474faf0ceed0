import type { Catalog } from "./catalog";
import { RegionType, regionRoots } from "../modules/region/region.compiled";
import { EngagementType, PartnerType, partnerRoots } from "../modules/partner/partner.compiled";
import {
  AccidentReportType,
  accidentRoots,
  workerAccidentFields,
} from "../modules/accident/accident.compiled";
import { WorkerType, workerRoots } from "../modules/worker/worker.compiled";
import { DonorSummaryType, DonorType, donorRoots } from "../modules/donor/donor.compiled";
import {
  ContributionType,
  SponsorshipType,
  sponsorshipRoots,
} from "../modules/sponsorship/sponsorship.compiled";
import { PaymentType, paymentRoots } from "../modules/payment/payment.compiled";
import { CoverageCheckType, coverageCheckRoots } from "../modules/accident/coverage-check.compiled";

// The read surface compiled to one statement per request: each module declares its types
// and root fields next to its resolvers; this is the list of them.
export const CATALOG: Catalog = {
  types: {
    Region: RegionType,
    Worker: { ...WorkerType, fields: { ...WorkerType.fields, ...workerAccidentFields } },
    Partner: PartnerType,
    Engagement: EngagementType,
    AccidentReport: AccidentReportType,
    CoverageCheck: CoverageCheckType,
    Donor: DonorType,
    DonorSummary: DonorSummaryType,
    Sponsorship: SponsorshipType,
    Contribution: ContributionType,
    Payment: PaymentType,
  },
  roots: {
    ...regionRoots,
    ...workerRoots,
    ...coverageCheckRoots,
    ...partnerRoots,
    ...accidentRoots,
    ...donorRoots,
    ...sponsorshipRoots,
    ...paymentRoots,
  },
};

export { CompiledReads } from "./reads";
