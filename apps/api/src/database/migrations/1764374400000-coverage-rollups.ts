import { MigrationInterface, QueryRunner } from "typeorm";

// Regional targets, and the roll-ups that keep coverage statistics fast at national scale.
// All three roll-ups are written in the same transactions as the rows they summarise, and
// `rebuildCoverageRollups` can recompute them from scratch (seeds, repairs).
// Roll-ups are keyed by village; the coarser codes are generated so any level filters by equality.
const REGION_CODES = `
        district_code varchar(8)  GENERATED ALWAYS AS (left(village_code, 8)) STORED,
        regency_code  varchar(5)  GENERATED ALWAYS AS (left(village_code, 5)) STORED,
        province_code varchar(2)  GENERATED ALWAYS AS (left(village_code, 2)) STORED,`;

export class CoverageRollups1764374400000 implements MigrationInterface {
  name = "CoverageRollups1764374400000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE regional_target (
        id               uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
        region_code      varchar(13) NOT NULL REFERENCES region(code),
        year             integer     NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        informal_workers integer     NOT NULL CHECK (informal_workers > 0),
        baseline_covered integer     NOT NULL CHECK (baseline_covered >= 0),
        target_covered   integer     NOT NULL CHECK (target_covered > 0),
        note             text,
        created_at       timestamptz NOT NULL DEFAULT now(),
        updated_at       timestamptz NOT NULL DEFAULT now(),
        UNIQUE (region_code, year),
        CHECK (baseline_covered <= informal_workers AND target_covered <= informal_workers)
      )`);

    // Registered workers per village and occupation.
    await q.query(`
      CREATE TABLE rollup_workers (
        village_code  varchar(13) NOT NULL,
        occupation    text        NOT NULL,
        workers       integer     NOT NULL CHECK (workers >= 0),
        ${REGION_CODES}
        PRIMARY KEY (village_code, occupation)
      )`);
    for (const level of ["province", "regency", "district"]) {
      await q.query(`CREATE INDEX rollup_workers_${level}_idx ON rollup_workers (${level}_code)`);
    }

    // Paid worker-months and their money per village, occupation and month. One contribution
    // per worker-month, so "paid" here is also "active" that month.
    await q.query(`
      CREATE TABLE rollup_paid_month (
        month        date        NOT NULL,
        village_code varchar(13) NOT NULL,
        occupation   text        NOT NULL,
        paid         integer     NOT NULL CHECK (paid >= 0),
        amount       bigint      NOT NULL CHECK (amount >= 0),
        ${REGION_CODES}
        PRIMARY KEY (month, village_code, occupation)
      )`);
    for (const level of ["province", "regency", "district"]) {
      await q.query(
        `CREATE INDEX rollup_paid_month_${level}_idx ON rollup_paid_month (${level}_code, month)`,
      );
    }

    // Each worker's runs of consecutive paid months. A run [start, end] makes the worker
    // ACTIVE through end, in ARREARS for the three months after, LAPSED from then on, until
    // the next run starts. Counting runs by their end month answers arrears and lapses for
    // any month without looking at a single contribution.
    await q.query(`
      CREATE TABLE coverage_run (
        worker_id     uuid        NOT NULL REFERENCES worker(id),
        start_month   date        NOT NULL,
        end_month     date        NOT NULL,
        next_start    date,
        first_run     boolean     NOT NULL,
        village_code  varchar(13) NOT NULL,
        district_code varchar(8)  NOT NULL,
        regency_code  varchar(5)  NOT NULL,
        province_code varchar(2)  NOT NULL,
        occupation    text        NOT NULL,
        PRIMARY KEY (worker_id, start_month),
        CHECK (start_month <= end_month AND (next_start IS NULL OR next_start > end_month))
      )`);
    for (const level of ["province", "regency", "district", "village"]) {
      await q.query(
        `CREATE INDEX coverage_run_${level}_idx ON coverage_run (${level}_code, end_month) INCLUDE (next_start, occupation)`,
      );
    }
    await q.query(
      `CREATE INDEX coverage_run_first_idx ON coverage_run (start_month) WHERE first_run`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE coverage_run, rollup_paid_month, rollup_workers, regional_target`);
  }
}
