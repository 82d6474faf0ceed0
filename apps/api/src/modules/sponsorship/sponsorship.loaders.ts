import DataLoader from "dataloader";
import { DataSource } from "typeorm";
import {
  Access,
  DonorSummaryFigures,
  SponsorshipStatus,
  contributionFiguresSql,
  donorSummarySql,
} from "@sertakan/schema";
import { plainRows } from "../../database/plain-rows";
import { manyByKey } from "../../graphql/loader-order";
import { Contribution, Sponsorship } from "./sponsorship.entity";
import { SponsorshipService } from "./sponsorship.service";

export type SponsorshipProgressRow = {
  liveMonths: number;
  paidMonths: number;
  liveAmount: number;
  paidAmount: number;
};
function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) map.set(key(row), [...(map.get(key(row)) ?? []), row]);
  return map;
}

export function sponsorshipLoaders(
  db: DataSource,
  sponsorships: SponsorshipService,
  access: Access,
) {
  // Read when a summary is first asked for, not on every request that makes loaders.
  const currentMonthStart = () => `${sponsorships.currentMonth()}-01`;
  const progress = contributionFiguresSql("c");
  return {
    sponsorshipProgress: new DataLoader<string, SponsorshipProgressRow>(async (ids) => {
      const rows: {
        sponsorship_id: string;
        live_months: number;
        paid_months: number;
        live_amount: string;
        paid_amount: string;
      }[] = await db.query(
        // The same figures the compiled reads use, from their rule's SQL twin.
        `SELECT c.sponsorship_id, ${progress.liveMonths} AS live_months, ${progress.paidMonths} AS paid_months,
                ${progress.total} AS live_amount, ${progress.paid} AS paid_amount
           FROM contribution c WHERE c.sponsorship_id = ANY($1::uuid[]) GROUP BY c.sponsorship_id`,
        [ids],
      );
      const byId = new Map(rows.map((r) => [r.sponsorship_id, r]));
      return ids.map((id) => {
        const r = byId.get(id);
        return {
          liveMonths: r?.live_months ?? 0,
          paidMonths: r?.paid_months ?? 0,
          liveAmount: Number(r?.live_amount ?? 0),
          paidAmount: Number(r?.paid_amount ?? 0),
        };
      });
    }),
    contributionsBySponsorship: new DataLoader<string, Contribution[]>(async (ids) => {
      return manyByKey(ids, await sponsorships.contributionsOf(ids), (c) => c.sponsorshipId);
    }),
    sponsorshipsByWorker: new DataLoader<string, Sponsorship[]>(async (workerIds) => {
      const rows = await plainRows(
        db,
        Sponsorship,
        `WHERE t.worker_id = ANY($1::uuid[]) ORDER BY t.start_month, t.created_at`,
        [workerIds],
      );
      return manyByKey(workerIds, rows, (s) => s.workerId);
    }),
    paidMonthsByWorker: new DataLoader<string, string[]>(async (workerIds) => {
      const rows: { worker_id: string; months: string[] }[] = await db.query(
        `SELECT worker_id, array_agg(to_char(month, 'YYYY-MM') ORDER BY month) AS months
           FROM contribution WHERE worker_id = ANY($1::uuid[]) AND status = 'PAID' GROUP BY worker_id`,
        [workerIds],
      );
      const byWorker = new Map(rows.map((r) => [r.worker_id, r.months]));
      return workerIds.map((id) => byWorker.get(id) ?? []);
    }),
    donorSponsorshipsFirstPage: new DataLoader<
      { donorId: string; statuses: SponsorshipStatus[]; first: number },
      { rows: Sponsorship[]; total: number },
      string
    >(
      async (keys) => {
        // Keys asking the same question of different donors share one statement.
        const groups = groupBy([...keys], (k) => `${k.first}|${k.statuses.join(",")}`);
        const answers = new Map<string, { rows: Sponsorship[]; total: number }>();
        for (const group of groups.values()) {
          const { statuses, first } = group[0];
          const pages = await sponsorships.firstPagesByDonor(
            access,
            group.map((k) => k.donorId),
            statuses,
            first,
          );
          for (const k of group)
            answers.set(pageKey(k), pages.get(k.donorId) ?? { rows: [], total: 0 });
        }
        return keys.map((k) => answers.get(pageKey(k))!);
      },
      { cacheKeyFn: pageKey },
    ),
    donorSummary: new DataLoader<string, DonorSummaryFigures>(async (donorIds) => {
      // The rule's SQL twin (figures.sql.ts), as the compiled reads use it.
      const { join, figures } = donorSummarySql("d.id", () => "$2::date");
      const rows: Record<string, string | number>[] = await db.query(
        `SELECT d.id, ${Object.entries(figures)
          .map(([name, sql]) => `${sql} AS "${name}"`)
          .join(", ")}
           FROM unnest($1::uuid[]) AS d(id) ${join}`,
        [donorIds, currentMonthStart()],
      );
      const byId = new Map(rows.map((r) => [String(r.id), r]));
      return donorIds.map((id) => {
        const r = byId.get(id)!;
        return {
          workersSponsored: Number(r.workersSponsored),
          workersActive: Number(r.workersActive),
          committed: Number(r.committed),
          paid: Number(r.paid),
          outstanding: Number(r.outstanding),
          credit: Number(r.credit),
        };
      });
    }),
  };
}

function pageKey(k: { donorId: string; statuses: SponsorshipStatus[]; first: number }): string {
  return `${k.first}|${k.statuses.join(",")}|${k.donorId}`;
}
