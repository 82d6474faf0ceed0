import DataLoader from "dataloader";
import { DataSource, In } from "typeorm";
import { Engagement, Partner } from "./partner.entity";

export function partnerLoaders(db: DataSource) {
  return {
    partnerById: new DataLoader<string, Partner | null>(async (ids) => {
      const rows = await db.getRepository(Partner).findBy({ id: In([...ids]) });
      const byId = new Map(rows.map((p) => [p.id, p]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    engagementsByPartner: new DataLoader<string, Engagement[]>(async (partnerIds) => {
      const rows = await db.getRepository(Engagement).find({
        where: { partnerId: In([...partnerIds]) },
        order: { date: "DESC", id: "ASC" },
      });
      const byPartner = new Map<string, Engagement[]>();
      for (const e of rows) byPartner.set(e.partnerId, [...(byPartner.get(e.partnerId) ?? []), e]);
      return partnerIds.map((id) => byPartner.get(id) ?? []);
    }),
  };
}
