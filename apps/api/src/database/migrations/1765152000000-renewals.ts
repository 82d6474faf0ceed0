import { MigrationInterface, QueryRunner } from "typeorm";

// A client that retries renewSponsorships with the same key gets the first call's answer.
// Keyed by the caller (a renewal may span several donors, so sponsor_request's donor key
// does not fit); the caller is "user:<id>" or "apiKey:<id>".
export class Renewals1765152000000 implements MigrationInterface {
  name = "Renewals1765152000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE renew_request (
        caller          text        NOT NULL CHECK (length(caller) > 0),
        idempotency_key text        NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 200),
        sponsorship_ids uuid[]      NOT NULL,
        created_at      timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (caller, idempotency_key)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE renew_request`);
  }
}
