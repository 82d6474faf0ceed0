import { Region } from "../modules/region/region.entity";
import { Partner, Engagement } from "../modules/partner/partner.entity";
import { Donor } from "../modules/donor/donor.entity";
import { Worker } from "../modules/worker/worker.entity";
import { Contribution, Sponsorship } from "../modules/sponsorship/sponsorship.entity";
import { Payment } from "../modules/payment/payment.entity";
import { ApiKey, User } from "../modules/auth/user.entity";
import { AuditEntry } from "../modules/audit/audit.entity";
import { AccidentReport } from "../modules/accident/accident.entity";
import { DonorReminder } from "../modules/reminder/reminder.entity";

export const entities = [
  Region,
  Partner,
  Engagement,
  Donor,
  Worker,
  Sponsorship,
  Contribution,
  Payment,
  User,
  ApiKey,
  AuditEntry,
  AccidentReport,
  DonorReminder,
];
