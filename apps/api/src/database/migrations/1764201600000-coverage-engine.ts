import { MigrationInterface, QueryRunner } from "typeorm";

// Sponsorships, the worker-months they pledge, payments and how payments' money was
// allocated to months. Months are stored as the first day of the month (a `date`).
export class CoverageEngine1764201600000 implements MigrationInterface {
  name = "CoverageEngine1764201600000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sponsorship (
        id              uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
        -- Pledge order, down to the order workers were named in one call: credit pays
        -- months in this order within a month.
        seq             bigserial   NOT NULL,
        donor_id        uuid        NOT NULL REFERENCES donor(id),
        worker_id       uuid        NOT NULL REFERENCES worker(id),
        package         text        NOT NULL CHECK (package IN ('JKK_JKM','JKK_JKM_JHT')),
        declared_income bigint      NOT NULL CHECK (declared_income > 0),
        -- Priced from the dated price table at pledge time and never re-priced.
        monthly_amount  bigint      NOT NULL CHECK (monthly_amount > 0),
        start_month     date        NOT NULL CHECK (extract(day FROM start_month) = 1),
        months          integer     NOT NULL CHECK (months BETWEEN 1 AND 24),
        end_month       date        NOT NULL CHECK (end_month = (start_month + make_interval(months => months - 1))::date),
        cancelled_at    timestamptz,
        cancel_reason   text,
        created_at      timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        CHECK ((cancelled_at IS NULL) = (cancel_reason IS NULL))
      )`);
    await q.query(`CREATE INDEX sponsorship_donor_idx ON sponsorship (donor_id, created_at, id)`);
    await q.query(`CREATE INDEX sponsorship_worker_idx ON sponsorship (worker_id, created_at, id)`);
    await q.query(`CREATE INDEX sponsorship_created_idx ON sponsorship (created_at, id)`);
    await q.query(
      `CREATE INDEX sponsorship_end_idx ON sponsorship (end_month) WHERE cancelled_at IS NULL`,
    );

    // A client that retries sponsorWorkers with the same key gets the first call's answer.
    await q.query(`
      CREATE TABLE sponsor_request (
        donor_id        uuid        NOT NULL REFERENCES donor(id),
        idempotency_key text        NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 200),
        sponsorship_ids uuid[]      NOT NULL,
        created_at      timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (donor_id, idempotency_key)
      )`);

    await q.query(`
      CREATE TABLE payment (
        id         uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
        donor_id   uuid        NOT NULL REFERENCES donor(id),
        amount     bigint      NOT NULL CHECK (amount > 0),
        paid_at    timestamptz NOT NULL,
        reference  text        NOT NULL CHECK (length(btrim(reference)) > 0),
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        UNIQUE (donor_id, reference)
      )`);
    await q.query(`CREATE INDEX payment_paid_idx ON payment (paid_at, id)`);
    await q.query(`CREATE INDEX payment_donor_idx ON payment (donor_id, paid_at, id)`);

    await q.query(`
      CREATE TABLE contribution (
        id             uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
        sponsorship_id uuid        NOT NULL REFERENCES sponsorship(id),
        worker_id      uuid        NOT NULL REFERENCES worker(id),
        donor_id       uuid        NOT NULL REFERENCES donor(id),
        month          date        NOT NULL CHECK (extract(day FROM month) = 1),
        amount         bigint      NOT NULL CHECK (amount > 0),
        status         text        NOT NULL DEFAULT 'DUE' CHECK (status IN ('DUE','PAID','CANCELLED')),
        -- The payment whose money completed this month.
        payment_id     uuid        REFERENCES payment(id),
        paid_at        timestamptz,
        CHECK ((status = 'PAID') = (payment_id IS NOT NULL) AND (status = 'PAID') = (paid_at IS NOT NULL))
      )`);
    // The rule that makes double cover impossible, whatever races between API instances.
    await q.query(
      `CREATE UNIQUE INDEX contribution_worker_month_key ON contribution (worker_id, month) WHERE status <> 'CANCELLED'`,
    );
    await q.query(
      `CREATE INDEX contribution_due_idx ON contribution (donor_id, month, id) WHERE status = 'DUE'`,
    );
    await q.query(
      `CREATE INDEX contribution_sponsorship_idx ON contribution (sponsorship_id, month)`,
    );
    await q.query(
      `CREATE INDEX contribution_paid_idx ON contribution (worker_id, month) WHERE status = 'PAID'`,
    );
    await q.query(`CREATE INDEX contribution_donor_idx ON contribution (donor_id, status, month)`);
    await q.query(
      `CREATE INDEX contribution_payment_idx ON contribution (payment_id) WHERE payment_id IS NOT NULL`,
    );

    // Money moves from payments to months in allocations; a month may draw on two payments.
    await q.query(`
      CREATE TABLE allocation (
        payment_id      uuid   NOT NULL REFERENCES payment(id),
        contribution_id uuid   NOT NULL REFERENCES contribution(id),
        amount          bigint NOT NULL CHECK (amount > 0),
        PRIMARY KEY (payment_id, contribution_id)
      )`);
    await q.query(`CREATE INDEX allocation_contribution_idx ON allocation (contribution_id)`);

    // The last paid month, kept in step by the payment transaction: lists sort and filter on it.
    await q.query(`ALTER TABLE worker ADD COLUMN covered_through date`);
    await q.query(
      `CREATE INDEX worker_covered_through_idx ON worker ((coalesce(covered_through, date '1900-01-01')), id)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE worker DROP COLUMN covered_through`);
    await q.query(`DROP TABLE allocation, contribution, payment, sponsor_request, sponsorship`);
  }
}
