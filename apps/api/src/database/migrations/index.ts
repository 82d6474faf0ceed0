import { InitialRegistry1764115200000 } from "./1764115200000-initial-registry";
import { CoverageEngine1764201600000 } from "./1764201600000-coverage-engine";
import { AccessAndAudit1764288000000 } from "./1764288000000-access-and-audit";
import { CoverageRollups1764374400000 } from "./1764374400000-coverage-rollups";
import { AccidentReports1765065600000 } from "./1765065600000-accident-reports";
import { Renewals1765152000000 } from "./1765152000000-renewals";
import { DonorReminders1765238400000 } from "./1765238400000-donor-reminders";
import { DonorAccountNumber1765324800000 } from "./1765324800000-donor-account-number";
import { SummaryIndexes1765411200000 } from "./1765411200000-summary-indexes";
import { DonorTotals1765497600000 } from "./1765497600000-donor-totals";
import { SponsorshipFiguresIndex1765584000000 } from "./1765584000000-sponsorship-figures-index";
import { WorkerNamesByRegion1765670400000 } from "./1765670400000-worker-names-by-region";

// In order. A new migration is added here as well as in this folder.
export const migrations = [
  InitialRegistry1764115200000,
  CoverageEngine1764201600000,
  AccessAndAudit1764288000000,
  CoverageRollups1764374400000,
  AccidentReports1765065600000,
  Renewals1765152000000,
  DonorReminders1765238400000,
  DonorAccountNumber1765324800000,
  SummaryIndexes1765411200000,
  DonorTotals1765497600000,
  SponsorshipFiguresIndex1765584000000,
  WorkerNamesByRegion1765670400000,
];
