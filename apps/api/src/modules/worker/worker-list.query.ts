import { DataSource } from "typeorm";
import {
  Access,
  ForbiddenError,
  SortDirection,
  coverageStatusSql,
  currentYearMonth,
  masksPersonalData,
  regionLevelOf,
} from "@sertakan/schema";
import { requireUuid } from "../../graphql/ids";
import { SortKey } from "../../graphql/keyset";
import { WORKER_REGION_COLUMN, workerInScope } from "../auth/scope";
import { escapeLike } from "../region/region.service";
import { Worker } from "./worker.entity";
import { WorkerFilter, WorkerOrder, WorkerOrderField } from "./worker.inputs";

// The worker list's query on the general path: the caller's scope, the filters and the keyset
// order. Its compiled twin is WorkerList in worker.compiled.ts; worker.compiled.test.ts and
// the generated shapes hold the two to the same workers in the same order.

const ORDER_KEYS: Record<WorkerOrderField, SortKey<Worker>[]> = {
  [WorkerOrderField.CREATED_AT]: [
    { column: "w.created_at", value: (w) => w.createdAt },
    { column: "w.id", value: (w) => w.id },
  ],
  // Never-paid workers sort as if covered through 1900-01, so the key is never null.
  [WorkerOrderField.COVERED_THROUGH]: [
    {
      column: "coalesce(w.covered_through, date '1900-01-01')",
      value: (w) => `${w.coveredThrough ?? "1900-01"}-01`,
    },
    { column: "w.id", value: (w) => w.id },
  ],
  [WorkerOrderField.FULL_NAME]: [
    { column: "w.full_name", value: (w) => w.fullName },
    { column: "w.id", value: (w) => w.id },
  ],
};

/** The scoped, filtered query of the worker list, with its order keys and direction. */
export function workerListQuery(
  db: DataSource,
  access: Access,
  filter: WorkerFilter | null | undefined,
  orderBy: WorkerOrder | null | undefined,
  now: Date,
) {
  const qb = db.getRepository(Worker).createQueryBuilder("w");
  const scope = workerInScope(access);
  if (scope) qb.andWhere(scope.sql, scope.params);
  const search = filter?.search?.trim();
  if (search) {
    if (/^\d{1,16}$/.test(search)) {
      // A viewer sees only the first four digits; a longer prefix would let them probe the rest.
      if (masksPersonalData(access) && search.length > 4) {
        throw new ForbiddenError(
          "A viewer may search NIKs by their first four digits only; search by name instead.",
          "search",
        );
      }
      // Digit strings of equal length sort the same in every collation: a range on the unique index.
      qb.andWhere("w.nik BETWEEN :nikLow AND :nikHigh", {
        nikLow: search.padEnd(16, "0"),
        nikHigh: search.padEnd(16, "9"),
      });
    } else {
      qb.andWhere("w.full_name ILIKE :name", { name: `%${escapeLike(search)}%` });
    }
  }
  if (filter?.regionCode) {
    qb.andWhere(`w.${WORKER_REGION_COLUMN[regionLevelOf(filter.regionCode)]} = :region`, {
      region: filter.regionCode,
    });
  }
  if (filter?.occupation?.length)
    qb.andWhere("w.occupation = ANY(:occupations)", { occupations: filter.occupation });
  if (filter?.recruitedById)
    qb.andWhere("w.recruited_by_id = :recruiter", {
      recruiter: requireUuid(filter.recruitedById, "recruitedById"),
    });
  if (filter?.donorId) {
    qb.andWhere(
      "EXISTS (SELECT 1 FROM sponsorship s WHERE s.worker_id = w.id AND s.donor_id = :donor)",
      {
        donor: requireUuid(filter.donorId, "donorId"),
      },
    );
  }
  if (filter?.coverageStatus?.length) {
    const asOf = currentYearMonth(now);
    qb.andWhere(`${coverageStatusSql(":asOf::date")} = ANY(:statuses)`, {
      asOf: `${asOf}-01`,
      statuses: filter.coverageStatus,
    });
  }
  const field = orderBy?.field ?? WorkerOrderField.CREATED_AT;
  const keys = ORDER_KEYS[field];
  // Without an explicit order the newest registrations come first.
  const direction = orderBy ? orderBy.direction : SortDirection.DESC;
  return { qb, keys, direction };
}
