import DataLoader from "dataloader";
import { DataSource, In } from "typeorm";
import { Region } from "./region.entity";

export function regionLoaders(db: DataSource) {
  return {
    regionByCode: new DataLoader<string, Region | null>(async (codes) => {
      const rows = await db.getRepository(Region).findBy({ code: In([...codes]) });
      const byCode = new Map(rows.map((r) => [r.code, r]));
      return codes.map((c) => byCode.get(c) ?? null);
    }),
    regionChildren: new DataLoader<string, Region[]>(async (codes) => {
      const rows = await db
        .getRepository(Region)
        .find({ where: { parentCode: In([...codes]) }, order: { code: "ASC" } });
      const byParent = new Map<string, Region[]>();
      for (const r of rows)
        byParent.set(r.parentCode!, [...(byParent.get(r.parentCode!) ?? []), r]);
      return codes.map((c) => byParent.get(c) ?? []);
    }),
  };
}
