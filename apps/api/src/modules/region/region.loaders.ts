import DataLoader from "dataloader";
import { DataSource, In } from "typeorm";
import { isRegionCode, parentRegionCode } from "@sertakan/schema";
import { plainRows } from "../../database/plain-rows";
import { manyByKey, oneByKey } from "../../graphql/loader-order";
import { Region } from "./region.entity";

/** The codes of a region's ancestors (33.10.01 → 33.10, 33); none for a malformed code. */
function ancestorsOf(code: string): string[] {
  const codes: string[] = [];
  if (!isRegionCode(code)) return codes;
  for (let c = parentRegionCode(code); c; c = parentRegionCode(c)) codes.push(c);
  return codes;
}

export function regionLoaders(db: DataSource) {
  const regions = db.getRepository(Region);
  // Each region is read with its ancestors, which prime this loader: `village { parent { … } }`
  // costs one statement, not one per level.
  const regionByCode: DataLoader<string, Region | null> = new DataLoader(async (codes) => {
    const wanted = new Set(codes);
    for (const code of codes) for (const ancestor of ancestorsOf(code)) wanted.add(ancestor);
    const rows = await plainRows(db, Region, `WHERE t.code = ANY($1::varchar[])`, [[...wanted]]);
    for (const row of rows) regionByCode.prime(row.code, row);
    return oneByKey(codes, rows, (r) => r.code);
  });
  return {
    regionByCode,
    regionChildren: new DataLoader<string, Region[]>(async (codes) => {
      const rows = await regions.find({
        where: { parentCode: In([...codes]) },
        order: { code: "ASC" },
      });
      return manyByKey(codes, rows, (r) => r.parentCode!);
    }),
  };
}
