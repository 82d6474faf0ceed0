import { MigrationInterface, QueryRunner } from "typeorm";

// Work-accident reports from PLKK (DOMAIN.md "The protection loop"). A report is decided
// once, when it is made: covered_by names the PAID month that covered the accident day, and a
// later payment for that month does not turn a NOT_COVERED report into an ACCEPTED one.
export class AccidentReports1765065600000 implements MigrationInterface {
  name = "AccidentReports1765065600000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE accident_report (
        id              uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
        worker_id       uuid        NOT NULL REFERENCES worker(id),
        partner_id      uuid        NOT NULL REFERENCES partner(id),
        occurred_at     timestamptz NOT NULL,
        -- The accident day's month in Asia/Jakarta: the month whose contribution decides cover.
        cover_month     date        NOT NULL CHECK (extract(day FROM cover_month) = 1),
        place           text        NOT NULL CHECK (length(btrim(place)) > 0),
        cause           text        NOT NULL CHECK (cause IN ('AT_WORK','ON_THE_WAY','OCCUPATIONAL_DISEASE','OTHER')),
        description     text,
        reporter_name   text        NOT NULL CHECK (length(btrim(reporter_name)) > 0),
        reporter_phone  text,
        status          text        NOT NULL CHECK (status IN ('ACCEPTED','NOT_COVERED')),
        covered_by_id   uuid        REFERENCES contribution(id),
        late            boolean     NOT NULL,
        created_at      timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        CHECK ((status = 'ACCEPTED') = (covered_by_id IS NOT NULL))
      )`);
    // The list pages newest accident first; the worker page and the PLKK filter read theirs.
    await q.query(`CREATE INDEX accident_report_occurred_idx ON accident_report (occurred_at, id)`);
    // The dashboard counts a month's accidents.
    await q.query(`CREATE INDEX accident_report_month_idx ON accident_report (cover_month)`);
    await q.query(
      `CREATE INDEX accident_report_worker_idx ON accident_report (worker_id, occurred_at, id)`,
    );
    await q.query(
      `CREATE INDEX accident_report_partner_idx ON accident_report (partner_id, occurred_at, id)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE accident_report`);
  }
}
