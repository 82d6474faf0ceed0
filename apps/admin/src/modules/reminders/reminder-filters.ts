import { ReminderKind, ReminderStatus } from "@sertakan/schema";
import type {
  DonorReminderFilter,
  ReminderKind as ReminderKindType,
  ReminderStatus as ReminderStatusType,
} from "../../gql/graphql";

/** Everything the reminders list is asked for, as it appears in the URL. */
export type ReminderListState = {
  kinds: ReminderKindType[];
  statuses: ReminderStatusType[];
  /** YYYY-MM, or "" for every month. */
  month: string;
  after: string | null;
  page: number;
};

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

function listOf<T extends string>(raw: string | null, allowed: readonly string[]): T[] {
  return (raw ?? "").split(",").filter((s): s is T => allowed.includes(s));
}

/** Reads the list state from the URL; unknown values are dropped rather than sent. */
export function readReminderListState(params: URLSearchParams): ReminderListState {
  const month = params.get("month") ?? "";
  return {
    kinds: listOf<ReminderKindType>(params.get("kind"), Object.values(ReminderKind)),
    statuses: listOf<ReminderStatusType>(params.get("status"), Object.values(ReminderStatus)),
    month: MONTH.test(month) ? month : "",
    after: params.get("after"),
    page: Math.max(1, Number(params.get("page")) || 1),
  };
}

/** The URL of a list state; the cursor is kept only with its page number. */
export function writeReminderListState(state: ReminderListState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.kinds.length) params.set("kind", state.kinds.join(","));
  if (state.statuses.length) params.set("status", state.statuses.join(","));
  if (state.month) params.set("month", state.month);
  if (state.after) {
    params.set("after", state.after);
    params.set("page", String(state.page));
  }
  return params;
}

/** The GraphQL filter of a list state. */
export function toReminderFilter(state: ReminderListState): DonorReminderFilter {
  const filter: DonorReminderFilter = {};
  if (state.kinds.length) filter.kind = state.kinds;
  if (state.statuses.length) filter.status = state.statuses;
  if (state.month) filter.month = state.month;
  return filter;
}
