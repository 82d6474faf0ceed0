import { Region } from "../modules/region/region.entity";
import { Partner, Engagement } from "../modules/partner/partner.entity";
import { Donor } from "../modules/donor/donor.entity";
import { Worker } from "../modules/worker/worker.entity";

export const entities = [Region, Partner, Engagement, Donor, Worker];
