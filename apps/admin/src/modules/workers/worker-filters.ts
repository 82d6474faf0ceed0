import { CoverageStatus, Occupation } from "@sertakan/schema";
import type {
  CoverageStatus as CoverageStatusType,
  Occupation as OccupationType,
  WorkerFilter,
  WorkerOrder,
  WorkerOrderField,
} from "../../gql/graphql";

/** Everything the workers list is asked for, as it appears in the URL. */
export type WorkerListState = {
  search: string;
  region: string;
  occupations: OccupationType[];
  statuses: CoverageStatusType[];
  sort: WorkerOrderField | null;
  direction: "ASC" | "DESC";
  after: string | null;
  page: number;
};

const SORT_FIELDS: WorkerOrderField[] = ["FULL_NAME", "CREATED_AT", "COVERED_THROUGH"];

function listOf<T extends string>(value: string | null, allowed: readonly string[]): T[] {
  return (value ?? "").split(",").filter((v): v is T => allowed.includes(v));
}

/** Reads the list state from the URL; unknown values are dropped rather than sent. */
export function readWorkerListState(params: URLSearchParams): WorkerListState {
  const sort = params.get("sort") as WorkerOrderField | null;
  return {
    search: params.get("q") ?? "",
    region: params.get("region") ?? "",
    occupations: listOf<OccupationType>(params.get("occupation"), Object.values(Occupation)),
    statuses: listOf<CoverageStatusType>(params.get("status"), Object.values(CoverageStatus)),
    sort: sort && SORT_FIELDS.includes(sort) ? sort : null,
    direction: params.get("dir") === "desc" ? "DESC" : "ASC",
    after: params.get("after"),
    page: Math.max(1, Number(params.get("page")) || 1),
  };
}

/** The URL of a list state; a changed filter starts again at page 1. */
export function writeWorkerListState(state: WorkerListState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.search) params.set("q", state.search);
  if (state.region) params.set("region", state.region);
  if (state.occupations.length) params.set("occupation", state.occupations.join(","));
  if (state.statuses.length) params.set("status", state.statuses.join(","));
  if (state.sort) {
    params.set("sort", state.sort);
    params.set("dir", state.direction.toLowerCase());
  }
  if (state.after) {
    params.set("after", state.after);
    params.set("page", String(state.page));
  }
  return params;
}

/** The GraphQL filter and order of a list state. */
export function toWorkerQuery(state: WorkerListState): {
  filter: WorkerFilter;
  orderBy: WorkerOrder | null;
} {
  const filter: WorkerFilter = {};
  if (state.search.trim()) filter.search = state.search.trim();
  if (state.region) filter.regionCode = state.region;
  if (state.occupations.length) filter.occupation = state.occupations;
  if (state.statuses.length) filter.coverageStatus = state.statuses;
  return {
    filter,
    orderBy: state.sort ? { field: state.sort, direction: state.direction } : null,
  };
}
