import { MigrationInterface, QueryRunner } from "typeorm";

// A sponsorship's status, total and paid sum its months' statuses and amounts. The index on
// its months now carries both, so those sums are index-only scans instead of a heap visit
// per month. On the 220,000-worker dataset, the months of 24 donors' first pages of pledges
// (shape donors-19) read 1,629 buffers before and 738 after (`npm run explain -w
// @sertakan/bench -- donors-19`; docs/performance.md, 2026-12-07). The key is unchanged,
// so lists of a pledge's months by month still read it in order.
// The donor-wide one with the amounts served the donor's summary, which donor_totals now
// keeps; nothing reads it, and every contribution written paid to keep it.
export class SponsorshipFiguresIndex1765584000000 implements MigrationInterface {
  name = "SponsorshipFiguresIndex1765584000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX contribution_sponsorship_figures_idx ON contribution (sponsorship_id, month) INCLUDE (status, amount)`,
    );
    await q.query(`DROP INDEX contribution_sponsorship_idx`);
    await q.query(`DROP INDEX contribution_donor_amount_idx`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX contribution_donor_amount_idx ON contribution (donor_id) INCLUDE (status, amount)`,
    );
    await q.query(
      `CREATE INDEX contribution_sponsorship_idx ON contribution (sponsorship_id, month)`,
    );
    await q.query(`DROP INDEX contribution_sponsorship_figures_idx`);
  }
}
