import DataLoader from "dataloader";
import { DataSource, In } from "typeorm";
import { Donor } from "./donor.entity";

export function donorLoaders(db: DataSource) {
  return {
    donorById: new DataLoader<string, Donor | null>(async (ids) => {
      const rows = await db.getRepository(Donor).findBy({ id: In([...ids]) });
      const byId = new Map(rows.map((d) => [d.id, d]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    donorByPartner: new DataLoader<string, Donor | null>(async (partnerIds) => {
      const rows = await db.getRepository(Donor).findBy({ partnerId: In([...partnerIds]) });
      const byPartner = new Map(rows.map((d) => [d.partnerId!, d]));
      return partnerIds.map((id) => byPartner.get(id) ?? null);
    }),
  };
}
