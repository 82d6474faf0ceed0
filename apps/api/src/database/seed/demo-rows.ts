// The demo's rows (column names as in the migration), the plan that holds them, and the
// batched `INSERT … SELECT * FROM unnest(…)` that writes them.

import type { EntityManager } from "typeorm";
import type { DonorKind, EngagementKind, Gender, Occupation, PartnerKind } from "@sertakan/schema";

/** Statement size cap (rows) for the unnest inserts. */
const BATCH_ROWS = 5000;

export type PartnerRow = {
  id: string;
  kind: PartnerKind;
  name: string;
  region_code: string;
  address: string | null;
  phone: string | null;
  email: string | null;
  agreement_number: string | null;
  agreement_start: string | null;
  agreement_end: string | null;
  active: boolean;
  created_at: string;
  updated_at: string;
};
export type EngagementRow = {
  id: string;
  partner_id: string;
  kind: EngagementKind;
  date: string;
  notes: string | null;
  attendees: number | null;
  created_at: string;
};
export type DonorRow = {
  id: string;
  kind: DonorKind;
  name: string;
  tax_id: string | null;
  contact_name: string | null;
  phone: string | null;
  email: string | null;
  region_code: string;
  partner_id: string | null;
  created_at: string;
  updated_at: string;
};
export type WorkerRow = {
  id: string;
  nik: string;
  full_name: string;
  gender: Gender;
  birth_date: string;
  occupation: Occupation;
  phone: string | null;
  village_code: string;
  district_code: string;
  regency_code: string;
  province_code: string;
  membership_number: string | null;
  recruited_by_id: string | null;
  created_at: string;
  updated_at: string;
};
export type DemoPlan = {
  partners: PartnerRow[];
  engagements: EngagementRow[];
  donors: DonorRow[];
  workers: WorkerRow[];
};

export type Column<R> = { name: keyof R & string; type: string };

/** `INSERT INTO table (…) SELECT * FROM unnest($1::type[], …)` in batches of ≤ BATCH_ROWS. */
export async function insertRows<R extends Record<string, unknown>>(
  m: EntityManager,
  table: string,
  columns: ReadonlyArray<Column<R>>,
  rows: readonly R[],
): Promise<number> {
  const names = columns.map((c) => c.name).join(", ");
  const casts = columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(", ");
  const sql = `INSERT INTO ${table} (${names}) SELECT * FROM unnest(${casts})`;
  let statements = 0;
  for (let from = 0; from < rows.length; from += BATCH_ROWS) {
    const batch = rows.slice(from, from + BATCH_ROWS);
    await m.query(
      sql,
      columns.map((c) => batch.map((r) => r[c.name] ?? null)),
    );
    statements++;
  }
  return statements;
}

export const PARTNER_COLUMNS: ReadonlyArray<Column<PartnerRow>> = [
  { name: "id", type: "uuid" },
  { name: "kind", type: "text" },
  { name: "name", type: "text" },
  { name: "region_code", type: "varchar" },
  { name: "address", type: "text" },
  { name: "phone", type: "text" },
  { name: "email", type: "text" },
  { name: "agreement_number", type: "text" },
  { name: "agreement_start", type: "date" },
  { name: "agreement_end", type: "date" },
  { name: "active", type: "boolean" },
  { name: "created_at", type: "timestamptz" },
  { name: "updated_at", type: "timestamptz" },
];
export const ENGAGEMENT_COLUMNS: ReadonlyArray<Column<EngagementRow>> = [
  { name: "id", type: "uuid" },
  { name: "partner_id", type: "uuid" },
  { name: "kind", type: "text" },
  { name: "date", type: "date" },
  { name: "notes", type: "text" },
  { name: "attendees", type: "int4" },
  { name: "created_at", type: "timestamptz" },
];
export const DONOR_COLUMNS: ReadonlyArray<Column<DonorRow>> = [
  { name: "id", type: "uuid" },
  { name: "kind", type: "text" },
  { name: "name", type: "text" },
  { name: "tax_id", type: "text" },
  { name: "contact_name", type: "text" },
  { name: "phone", type: "text" },
  { name: "email", type: "text" },
  { name: "region_code", type: "varchar" },
  { name: "partner_id", type: "uuid" },
  { name: "created_at", type: "timestamptz" },
  { name: "updated_at", type: "timestamptz" },
];
export const WORKER_COLUMNS: ReadonlyArray<Column<WorkerRow>> = [
  { name: "id", type: "uuid" },
  { name: "nik", type: "text" },
  { name: "full_name", type: "text" },
  { name: "gender", type: "text" },
  { name: "birth_date", type: "date" },
  { name: "occupation", type: "text" },
  { name: "phone", type: "text" },
  { name: "village_code", type: "varchar" },
  { name: "district_code", type: "varchar" },
  { name: "regency_code", type: "varchar" },
  { name: "province_code", type: "varchar" },
  { name: "membership_number", type: "text" },
  { name: "recruited_by_id", type: "uuid" },
  { name: "created_at", type: "timestamptz" },
  { name: "updated_at", type: "timestamptz" },
];
