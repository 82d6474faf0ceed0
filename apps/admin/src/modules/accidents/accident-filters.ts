import { AccidentReportStatus, daysInMonth } from "@sertakan/schema";
import type {
  AccidentReportFilter,
  AccidentReportStatus as AccidentReportStatusType,
} from "../../gql/graphql";

/** Everything the accident list is asked for, as it appears in the URL. */
export type AccidentListState = {
  region: string;
  plkk: string;
  statuses: AccidentReportStatusType[];
  /** Accident days, YYYY-MM-DD in Asia/Jakarta, both ends included. */
  from: string;
  to: string;
  after: string | null;
  page: number;
};

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function day(value: string | null): string {
  return value && ISO_DAY.test(value) ? value : "";
}

/** Reads the list state from the URL; unknown values are dropped rather than sent. */
export function readAccidentListState(params: URLSearchParams): AccidentListState {
  const allowed: readonly string[] = Object.values(AccidentReportStatus);
  return {
    region: params.get("region") ?? "",
    plkk: params.get("plkk") ?? "",
    statuses: (params.get("status") ?? "")
      .split(",")
      .filter((s): s is AccidentReportStatusType => allowed.includes(s)),
    from: day(params.get("from")),
    to: day(params.get("to")),
    after: params.get("after"),
    page: Math.max(1, Number(params.get("page")) || 1),
  };
}

/** The URL of a list state; the cursor is kept only with its page number. */
export function writeAccidentListState(state: AccidentListState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.region) params.set("region", state.region);
  if (state.plkk) params.set("plkk", state.plkk);
  if (state.statuses.length) params.set("status", state.statuses.join(","));
  if (state.from) params.set("from", state.from);
  if (state.to) params.set("to", state.to);
  if (state.after) {
    params.set("after", state.after);
    params.set("page", String(state.page));
  }
  return params;
}

/** The GraphQL filter of a list state. */
export function toAccidentFilter(state: AccidentListState): AccidentReportFilter {
  const filter: AccidentReportFilter = {};
  if (state.region) filter.regionCode = state.region;
  if (state.plkk) filter.partnerId = state.plkk;
  if (state.statuses.length) filter.status = state.statuses;
  if (state.from) filter.from = state.from;
  if (state.to) filter.to = state.to;
  return filter;
}

/** The first and last day of a month, for "accidents in 2026-11" links. */
export function monthDays(month: string): { from: string; to: string } {
  const [year, m] = month.split("-").map(Number);
  const last = daysInMonth(year, m);
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, "0")}` };
}
