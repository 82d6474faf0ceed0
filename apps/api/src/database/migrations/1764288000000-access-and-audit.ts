import { MigrationInterface, QueryRunner } from "typeorm";

// Users, sessions, API keys, sign-in throttling, shared rate-limit windows and the audit trail.
export class AccessAndAudit1764288000000 implements MigrationInterface {
  name = "AccessAndAudit1764288000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE app_user (
        id            uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
        email         text        NOT NULL CHECK (email = lower(email) AND email LIKE '%_@_%'),
        name          text        NOT NULL CHECK (length(btrim(name)) > 0),
        password_hash text        NOT NULL,
        role          text        NOT NULL CHECK (role IN ('ADMIN','OFFICER','VIEWER')),
        region_scope  varchar(13) REFERENCES region(code),
        created_at    timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        UNIQUE (email)
      )`);

    // Only a hash of each token is kept: a stolen table gives no usable credential.
    await q.query(`
      CREATE TABLE session (
        id         uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
        token_hash text        NOT NULL UNIQUE,
        user_id    uuid        NOT NULL REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        ended_at   timestamptz
      )`);

    await q.query(`
      CREATE TABLE api_key (
        id           uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
        name         text        NOT NULL CHECK (length(btrim(name)) > 0),
        secret_hash  text        NOT NULL UNIQUE,
        role         text        NOT NULL CHECK (role IN ('ADMIN','OFFICER','VIEWER')),
        region_scope varchar(13) REFERENCES region(code),
        created_by   uuid        REFERENCES app_user(id),
        created_at   timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        last_used_at timestamptz,
        revoked_at   timestamptz
      )`);

    // Failed sign-ins per account ("email:…") and per address ("ip:…"), shared by instances.
    await q.query(`
      CREATE TABLE sign_in_throttle (
        key           text        PRIMARY KEY,
        failures      integer     NOT NULL DEFAULT 0,
        last_failure  timestamptz NOT NULL DEFAULT now(),
        locked_until  timestamptz
      )`);

    // Fixed one-minute windows; UNLOGGED: losing counts in a crash only forgives a minute.
    await q.query(`
      CREATE UNLOGGED TABLE rate_limit_window (
        key          text        NOT NULL,
        window_start timestamptz NOT NULL,
        hits         integer     NOT NULL,
        PRIMARY KEY (key, window_start)
      )`);

    await q.query(`
      CREATE TABLE audit_entry (
        id        bigserial   PRIMARY KEY,
        at        timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        actor     text        NOT NULL,
        action    text        NOT NULL,
        entity    text        NOT NULL,
        entity_id text,
        changes   jsonb
      )`);
    await q.query(`CREATE INDEX audit_entry_entity_idx ON audit_entry (entity, entity_id, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DROP TABLE audit_entry, rate_limit_window, sign_in_throttle, api_key, session, app_user`,
    );
  }
}
