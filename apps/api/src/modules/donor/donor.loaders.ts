import DataLoader from "dataloader";
import { DataSource, In } from "typeorm";
import { plainRows } from "../../database/plain-rows";
import { oneByKey } from "../../graphql/loader-order";
import { Donor } from "./donor.entity";

export function donorLoaders(db: DataSource) {
  const donors = db.getRepository(Donor);
  return {
    donorById: new DataLoader<string, Donor | null>(async (ids) =>
      oneByKey(ids, await plainRows(db, Donor, `WHERE t.id = ANY($1::uuid[])`, [ids]), (d) => d.id),
    ),
    donorByPartner: new DataLoader<string, Donor | null>(async (partnerIds) =>
      oneByKey(
        partnerIds,
        await donors.findBy({ partnerId: In([...partnerIds]) }),
        (d) => d.partnerId!,
      ),
    ),
  };
}
