import { MigrationInterface, QueryRunner } from "typeorm";

// The registry: regions, partners, donors, workers. Enumerations are CHECKed text so
// adding an enum value later is a one-line migration, not an ALTER TYPE dance.
export class InitialRegistry1764115200000 implements MigrationInterface {
  name = "InitialRegistry1764115200000";

  async up(q: QueryRunner): Promise<void> {
    // Trigram indexes make "name contains …" searches index scans instead of table scans.
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);

    await q.query(`
      CREATE TABLE region (
        code        varchar(13) PRIMARY KEY,
        name        text        NOT NULL,
        level       text        NOT NULL CHECK (level IN ('PROVINCE','REGENCY','DISTRICT','VILLAGE')),
        parent_code varchar(13) REFERENCES region(code)
      )`);
    await q.query(`CREATE INDEX region_parent_idx ON region (parent_code, code)`);
    await q.query(`CREATE INDEX region_level_idx ON region (level, code)`);
    await q.query(`CREATE INDEX region_name_trgm_idx ON region USING gin (name gin_trgm_ops)`);

    await q.query(`
      CREATE TABLE partner (
        id               uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
        kind             text        NOT NULL CHECK (kind IN ('PLKK_HOSPITAL','PLKK_CLINIC','PLKK_PUSKESMAS','COMPANY','LOCAL_GOVERNMENT','PERISAI_AGENT','ZAKAT_INSTITUTION','COMMUNITY')),
        name             text        NOT NULL CHECK (length(btrim(name)) > 0),
        region_code      varchar(13) NOT NULL REFERENCES region(code),
        address          text,
        phone            text,
        email            text,
        agreement_number text,
        agreement_start  date,
        agreement_end    date,
        active           boolean     NOT NULL DEFAULT true,
        created_at       timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        updated_at       timestamptz NOT NULL DEFAULT now(),
        CHECK (agreement_end IS NULL OR agreement_start IS NULL OR agreement_end >= agreement_start)
      )`);
    await q.query(`CREATE INDEX partner_name_idx ON partner (name, id)`);
    await q.query(`CREATE INDEX partner_region_idx ON partner (region_code)`);
    await q.query(`CREATE INDEX partner_name_trgm_idx ON partner USING gin (name gin_trgm_ops)`);

    await q.query(`
      CREATE TABLE engagement (
        id         uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
        partner_id uuid        NOT NULL REFERENCES partner(id),
        kind       text        NOT NULL CHECK (kind IN ('SOCIALISATION','MONITORING_EVALUATION','TRAINING','OTHER')),
        date       date        NOT NULL,
        notes      text,
        attendees  integer     CHECK (attendees IS NULL OR attendees >= 0),
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now())
      )`);
    await q.query(`CREATE INDEX engagement_partner_idx ON engagement (partner_id, date DESC, id)`);

    await q.query(`
      CREATE TABLE donor (
        id           uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
        kind         text        NOT NULL CHECK (kind IN ('INDIVIDUAL','COMPANY','LOCAL_GOVERNMENT','PLKK','AGENT','ZAKAT_INSTITUTION','COMMUNITY','CIVIL_SERVANT')),
        name         text        NOT NULL CHECK (length(btrim(name)) > 0),
        tax_id       text,
        contact_name text,
        phone        text,
        email        text,
        region_code  varchar(13) NOT NULL REFERENCES region(code),
        partner_id   uuid        UNIQUE REFERENCES partner(id),
        created_at   timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        updated_at   timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX donor_name_idx ON donor (name, id)`);
    await q.query(`CREATE INDEX donor_region_idx ON donor (region_code)`);
    await q.query(`CREATE INDEX donor_name_trgm_idx ON donor USING gin (name gin_trgm_ops)`);

    // district/regency/province codes are derived from the village and stored so that
    // "workers inside region X" is one indexed equality at any level (PERFORMANCE.md).
    await q.query(`
      CREATE TABLE worker (
        id                uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
        nik               char(16)    NOT NULL UNIQUE CHECK (nik ~ '^[0-9]{16}$'),
        full_name         text        NOT NULL CHECK (length(btrim(full_name)) > 0),
        gender            text        NOT NULL CHECK (gender IN ('FEMALE','MALE')),
        birth_date        date        NOT NULL,
        occupation        text        NOT NULL CHECK (occupation IN ('FARMER','TRADER','LIVESTOCK_BREEDER','FISHER','HOUSEHOLD_HELPER','DRIVER','LABOURER','STREET_VENDOR','CRAFTSPERSON','OTHER')),
        phone             text,
        village_code      varchar(13) NOT NULL REFERENCES region(code),
        district_code     varchar(8)  NOT NULL,
        regency_code      varchar(5)  NOT NULL,
        province_code     varchar(2)  NOT NULL,
        membership_number text        UNIQUE,
        recruited_by_id   uuid        REFERENCES partner(id),
        created_at        timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        updated_at        timestamptz NOT NULL DEFAULT now(),
        CHECK (district_code = left(village_code, 8) AND regency_code = left(village_code, 5)
               AND province_code = left(village_code, 2))
      )`);
    // Keyset cursors carry created_at, so it is kept at the millisecond precision JS has.
    // Keyset pagination: every (scope, order) pair the worker list offers has its index.
    await q.query(`CREATE INDEX worker_created_idx ON worker (created_at, id)`);
    await q.query(`CREATE INDEX worker_name_idx ON worker (full_name, id)`);
    await q.query(
      `CREATE INDEX worker_village_created_idx ON worker (village_code, created_at, id)`,
    );
    await q.query(
      `CREATE INDEX worker_district_created_idx ON worker (district_code, created_at, id)`,
    );
    await q.query(
      `CREATE INDEX worker_regency_created_idx ON worker (regency_code, created_at, id)`,
    );
    await q.query(
      `CREATE INDEX worker_province_created_idx ON worker (province_code, created_at, id)`,
    );
    await q.query(
      `CREATE INDEX worker_recruited_by_idx ON worker (recruited_by_id, created_at, id) WHERE recruited_by_id IS NOT NULL`,
    );
    await q.query(`CREATE INDEX worker_name_trgm_idx ON worker USING gin (full_name gin_trgm_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE worker`);
    await q.query(`DROP TABLE donor`);
    await q.query(`DROP TABLE engagement`);
    await q.query(`DROP TABLE partner`);
    await q.query(`DROP TABLE region`);
  }
}
