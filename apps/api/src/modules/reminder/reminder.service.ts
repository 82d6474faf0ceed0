import { DataSource } from "typeorm";
import {
  Access,
  ReminderKind,
  ReminderMailLine,
  ReminderStatus,
  afterFailedAttempt,
  currentYearMonth,
  parseYearMonth,
  reminderMail,
} from "@sertakan/schema";
import { requireUuid } from "../../graphql/ids";
import { keysetPage } from "../../graphql/keyset";
import { Page, checkPageSize, encodeCursor } from "../../graphql/pagination";
import { writeAudit } from "../audit/audit.service";
import { regionCodeInScope, regionCodeInside } from "../auth/scope";
import { SYSTEM, Viewer } from "../auth/viewer";
import { DonorReminder } from "./reminder.entity";
import { DonorReminderFilter } from "./reminder.inputs";
import { MailConfig, Mailer, mailErrorOf, smtpMailer } from "./reminder.mailer";
import { CREATE_COVER_ENDING, CREATE_PAYMENT_DUE, MAIL_LINES, PICK_NEXT } from "./reminder.sql";

export type Delivery = { sent: number; retrying: number; failed: number };

type Picked = {
  id: string;
  kind: ReminderKind;
  month: string;
  amount: string;
  attempts: number;
  sponsorship_ids: string[];
  donor_name: string;
  email: string;
};
type LineRow = {
  full_name: string;
  nik: string;
  end_month: string;
  monthly_amount: string;
  due_months: string[];
  due_amount: string;
};

export class ReminderService {
  private readonly mailer: Mailer | null;
  /** Set by the scheduler: queues a delivery pass after a hand-run creation. */
  wakeSender: (() => Promise<void>) | null = null;

  constructor(
    private readonly db: DataSource,
    private readonly now: () => Date,
    mail: MailConfig | Mailer | null,
  ) {
    this.mailer = mail && "send" in mail ? mail : mail ? smtpMailer(mail) : null;
  }

  /** Whether reminders can go out by e-mail at all (SMTP_URL is set). */
  get canMail(): boolean {
    return this.mailer !== null;
  }

  /**
   * Creates this month's reminders for every donor that needs one, in two set-based
   * statements; the unique (donor, kind, month) index keeps it to one each, whichever
   * instance runs it and however often. Returns how many were new.
   */
  async createDue(viewer: Viewer = SYSTEM): Promise<number> {
    const now = this.now();
    const month = currentYearMonth(now);
    return this.db.transaction(async (m) => {
      const params = [`${month}-01`, now];
      const ending: { id: string }[] = await m.query(CREATE_COVER_ENDING, params);
      const due: { id: string }[] = await m.query(CREATE_PAYMENT_DUE, params);
      const created = ending.length + due.length;
      if (created)
        await writeAudit(m, viewer, {
          action: "runReminders",
          entity: "donor_reminder",
          changes: { month, coverEnding: ending.length, paymentDue: due.length },
        });
      return created;
    });
  }

  /** runReminders: creates now, then lets the scheduler's sender deliver them. */
  async runNow(viewer: Viewer): Promise<number> {
    const created = await this.createDue(viewer);
    if (created) await this.wakeSender?.();
    return created;
  }

  /**
   * Sends PENDING reminders that are due for a try and whose donor has an e-mail, one row
   * lock at a time (FOR UPDATE SKIP LOCKED: instances share the queue). A refusal records
   * the reason and the next try by the backoff, then FAILED. Without SMTP nothing moves.
   */
  async deliverDue(limit = 100): Promise<Delivery> {
    const result: Delivery = { sent: 0, retrying: 0, failed: 0 };
    if (!this.mailer) return result;
    for (let i = 0; i < limit; i++) {
      const outcome = await this.db.transaction(async (m) => {
        const now = this.now();
        const [r]: Picked[] = await m.query(PICK_NEXT, [now]);
        if (!r) return null;
        const lines: LineRow[] = await m.query(MAIL_LINES, [r.sponsorship_ids, `${r.month}-01`]);
        const mail = reminderMail({
          kind: r.kind,
          donorName: r.donor_name,
          month: r.month,
          amount: Number(r.amount),
          lines: lines.map((l) => mailLine(r.kind, l)).filter((l) => l.months.length),
        });
        try {
          await this.mailer!.send({ to: r.email, ...mail });
        } catch (error) {
          const next = afterFailedAttempt(r.attempts, mailErrorOf(error), now);
          await m.query(
            `UPDATE donor_reminder SET status = $2, attempts = $3, next_attempt_at = $4, last_error = $5 WHERE id = $1`,
            [r.id, next.status, next.attempts, next.nextAttemptAt, next.lastError],
          );
          return next.status === ReminderStatus.FAILED ? "failed" : "retrying";
        }
        await m.query(
          `UPDATE donor_reminder SET status = 'SENT', sent_at = date_trunc('milliseconds', $2::timestamptz), next_attempt_at = NULL WHERE id = $1`,
          [r.id, now],
        );
        return "sent";
      });
      if (!outcome) break;
      result[outcome]++;
    }
    return result;
  }

  list(
    access: Access,
    filter: DonorReminderFilter | null | undefined,
    first?: number,
    after?: string | null,
  ): Promise<Page<DonorReminder>> {
    const qb = this.db
      .getRepository(DonorReminder)
      .createQueryBuilder("r")
      .innerJoin("donor", "d", "d.id = r.donor_id");
    // A reminder is in scope when its donor is.
    const scope = regionCodeInScope(access, "d.region_code");
    if (scope) qb.andWhere(scope.sql, scope.params);
    if (filter?.donorId)
      qb.andWhere("r.donor_id = :donor", { donor: requireUuid(filter.donorId, "donorId") });
    if (filter?.regionCode) {
      const inside = regionCodeInside("d.region_code", "region", filter.regionCode);
      qb.andWhere(inside.sql, inside.params);
    }
    if (filter?.kind?.length) qb.andWhere("r.kind = ANY(:kinds)", { kinds: filter.kind });
    if (filter?.status?.length)
      qb.andWhere("r.status = ANY(:statuses)", { statuses: filter.status });
    if (filter?.month)
      qb.andWhere("r.month = :month::date", {
        month: `${parseYearMonth(filter.month, "month")}-01`,
      });
    return keysetPage(qb, {
      first: checkPageSize(first),
      after,
      direction: "DESC",
      keys: [
        { column: "r.created_at", value: (r) => r.createdAt },
        { column: "r.id", value: (r) => r.id },
      ],
    });
  }

  /**
   * The first page of each donor's reminders in one statement (Donor.reminders across a
   * list of donors), with each donor's total.
   */
  async firstPages(
    donorIds: readonly string[],
    first: number,
  ): Promise<{ rows: DonorReminder[]; total: number }[]> {
    const size = checkPageSize(first);
    const rows: (DonorReminder & { total: number })[] = await this.db
      .getRepository(DonorReminder)
      .createQueryBuilder("r")
      .addSelect("count(*) OVER (PARTITION BY r.donor_id)::int", "total")
      .where("r.donor_id = ANY(:ids)", { ids: [...donorIds] })
      .orderBy("r.created_at", "DESC")
      .addOrderBy("r.id", "DESC")
      .getRawAndEntities()
      .then(({ raw, entities }) =>
        entities.map((e, i) => Object.assign(e, { total: Number(raw[i].total) })),
      );
    return donorIds.map((id) => {
      const mine = rows.filter((r) => r.donorId === id);
      return { rows: mine.slice(0, size), total: mine[0]?.total ?? 0 };
    });
  }

  /** A first page from firstPages, as the list's own pages are. */
  pageOf(rows: DonorReminder[], total: number): Page<DonorReminder> {
    return {
      nodes: rows,
      hasNextPage: total > rows.length,
      hadCursor: false,
      // The list's newest-first key, so `after` continues where this page ends.
      cursorOf: (r) => encodeCursor([r.createdAt.toISOString(), r.id]),
      count: async () => total,
    };
  }

  close(): void {
    this.mailer?.close();
  }
}

function mailLine(kind: ReminderKind, l: LineRow): ReminderMailLine {
  return kind === ReminderKind.PAYMENT_DUE
    ? { workerName: l.full_name, nik: l.nik, months: l.due_months, amount: Number(l.due_amount) }
    : {
        workerName: l.full_name,
        nik: l.nik,
        months: [l.end_month],
        amount: Number(l.monthly_amount),
      };
}
