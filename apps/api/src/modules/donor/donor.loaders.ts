import DataLoader from "dataloader";
import { DataSource, In } from "typeorm";
import { oneByKey } from "../../graphql/loader-order";
import { Donor } from "./donor.entity";

export function donorLoaders(db: DataSource) {
  const donors = db.getRepository(Donor);
  return {
    donorById: new DataLoader<string, Donor | null>(async (ids) =>
      oneByKey(ids, await donors.findBy({ id: In([...ids]) }), (d) => d.id),
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
