import { MigrationInterface, QueryRunner } from "typeorm";

// Donor reminders (DOMAIN.md "The protection loop"): a daily job writes at most one per
// donor, kind and month, and a sender delivers them by e-mail. The unique index is what makes
// "at most one" hold with several API instances and across restarts: creation is
// INSERT … ON CONFLICT DO NOTHING on it.
export class DonorReminders1765238400000 implements MigrationInterface {
  name = "DonorReminders1765238400000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE donor_reminder (
        id               uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
        donor_id         uuid        NOT NULL REFERENCES donor(id),
        kind             text        NOT NULL CHECK (kind IN ('COVER_ENDING','PAYMENT_DUE')),
        -- The month (Asia/Jakarta) the reminder was made in; one per donor and kind.
        month            date        NOT NULL CHECK (extract(day FROM month) = 1),
        sponsorship_ids  uuid[]      NOT NULL CHECK (cardinality(sponsorship_ids) > 0),
        amount           bigint      NOT NULL CHECK (amount > 0),
        status           text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING','SENT','FAILED')),
        attempts         integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        -- When the sender may try (again): the retry backoff writes it.
        next_attempt_at  timestamptz,
        sent_at          timestamptz,
        last_error       text,
        created_at       timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        CHECK ((status = 'SENT') = (sent_at IS NOT NULL))
      )`);
    await q.query(
      `CREATE UNIQUE INDEX donor_reminder_once_key ON donor_reminder (donor_id, kind, month)`,
    );
    // The list pages newest first; the donor page reads its own.
    await q.query(`CREATE INDEX donor_reminder_created_idx ON donor_reminder (created_at, id)`);
    await q.query(
      `CREATE INDEX donor_reminder_donor_idx ON donor_reminder (donor_id, created_at, id)`,
    );
    // The sender's queue: what is still to try, soonest first.
    await q.query(
      `CREATE INDEX donor_reminder_pending_idx ON donor_reminder (next_attempt_at, id) WHERE status = 'PENDING'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE donor_reminder`);
  }
}
