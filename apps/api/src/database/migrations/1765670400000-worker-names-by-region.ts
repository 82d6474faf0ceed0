import { MigrationInterface, QueryRunner } from "typeorm";

// A district's or a village's workers by name, the way a regional office lists them, had
// only the national name index to read: it walked every worker in name order and kept the
// district's, 1,069 rows for a page of 51 in Gantiwarno (Q4 of the bench: `npm run explain
// -w @sertakan/bench -- Q4` read 1,077 buffers for the page, 54 with these). They match the
// newest-first indexes of each region level. A regency's or province's page keeps the
// national index: it is a large share of it, so the walk finds its rows soon.
export class WorkerNamesByRegion1765670400000 implements MigrationInterface {
  name = "WorkerNamesByRegion1765670400000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX worker_district_name_idx ON worker (district_code, full_name, id)`);
    await q.query(`CREATE INDEX worker_village_name_idx ON worker (village_code, full_name, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX worker_village_name_idx`);
    await q.query(`DROP INDEX worker_district_name_idx`);
  }
}
