import DataLoader from "dataloader";
import { DataSource, In } from "typeorm";
import { plainRows } from "../../database/plain-rows";
import { manyByKey, oneByKey } from "../../graphql/loader-order";
import { Engagement, Partner } from "./partner.entity";

export function partnerLoaders(db: DataSource) {
  return {
    partnerById: new DataLoader<string, Partner | null>(async (ids) =>
      oneByKey(
        ids,
        await plainRows(db, Partner, `WHERE t.id = ANY($1::uuid[])`, [ids]),
        (p) => p.id,
      ),
    ),
    engagementsByPartner: new DataLoader<string, Engagement[]>(async (partnerIds) => {
      const rows = await db.getRepository(Engagement).find({
        where: { partnerId: In([...partnerIds]) },
        order: { date: "DESC", id: "ASC" },
      });
      return manyByKey(partnerIds, rows, (e) => e.partnerId);
    }),
  };
}
