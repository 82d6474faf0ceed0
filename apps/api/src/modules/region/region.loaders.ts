import DataLoader from "dataloader";
import { DataSource, In } from "typeorm";
import { manyByKey, oneByKey } from "../../graphql/loader-order";
import { Region } from "./region.entity";

export function regionLoaders(db: DataSource) {
  const regions = db.getRepository(Region);
  return {
    regionByCode: new DataLoader<string, Region | null>(async (codes) =>
      oneByKey(codes, await regions.findBy({ code: In([...codes]) }), (r) => r.code),
    ),
    regionChildren: new DataLoader<string, Region[]>(async (codes) => {
      const rows = await regions.find({
        where: { parentCode: In([...codes]) },
        order: { code: "ASC" },
      });
      return manyByKey(codes, rows, (r) => r.parentCode!);
    }),
  };
}
