import { BadUserInputError } from "@sertakan/schema";
import type { Catalog, TypeSpec } from "../../compiled-reads/catalog";
import { escapeLike } from "./region.service";

// Regions as the compiled reads (compiled-reads/) answer them: as RegionResolver and its
// loaders do, children in code order.
export const RegionType: TypeSpec = {
  table: "region",
  key: "code",
  fields: {
    code: { leaf: (t) => `${t}.code` },
    name: { leaf: (t) => `${t}.name` },
    level: { leaf: (t) => `${t}.level` },
    parent: {
      one: "Region",
      nullable: true,
      join: (p, c) => `LEFT JOIN region ${c} ON ${c}.code = ${p}.parent_code`,
    },
    children: {
      many: "Region",
      where: (p, c) => `${c}.parent_code = ${p}.code`,
      order: (c) => `${c}.code`,
    },
  },
};

export const regionRoots: Catalog["roots"] = {
  region: {
    single: "Region",
    conditions: (c, ctx, args) => [`${c}.code = ${ctx.params.add(args.code, "varchar")}`],
  },
  regions: {
    list: "Region",
    conditions: (c, ctx, args) => {
      const conditions: string[] = [];
      if (args.parentCode)
        conditions.push(`${c}.parent_code = ${ctx.params.add(args.parentCode, "varchar")}`);
      if (args.level) conditions.push(`${c}.level = ${ctx.params.add(args.level, "text")}`);
      const search = (args.search as string | null | undefined)?.trim();
      if (search)
        conditions.push(`${c}.name ILIKE ${ctx.params.add(`%${escapeLike(search)}%`, "text")}`);
      return conditions;
    },
    order: (c) => `${c}.code`,
    limit: (args) => {
      const first = (args.first as number | null | undefined) ?? 100;
      if (!Number.isInteger(first) || first < 1 || first > 1000)
        throw new BadUserInputError(`first must be between 1 and 1000, got ${first}.`, "first");
      return first;
    },
  },
};
