import { MigrationInterface, QueryRunner } from "typeorm";

// Payments from a bank file are matched to donors by the number the bank shows on a
// transfer: the virtual account or the donor number the branch gave (Nomor VA / nomor
// donatur). Stored upper case, as the matching rule compares it; unique where given.
export class DonorAccountNumber1765324800000 implements MigrationInterface {
  name = "DonorAccountNumber1765324800000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE donor ADD COLUMN account_number text
        CHECK (account_number IS NULL OR account_number ~ '^[A-Z0-9][A-Z0-9-]{2,29}$')`);
    await q.query(
      `CREATE UNIQUE INDEX donor_account_number_key ON donor (account_number) WHERE account_number IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX donor_account_number_key`);
    await q.query(`ALTER TABLE donor DROP COLUMN account_number`);
  }
}
