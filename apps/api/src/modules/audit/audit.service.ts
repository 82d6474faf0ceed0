import { DataSource, EntityManager } from "typeorm";
import { maskNik } from "@sertakan/schema";
import { keysetPage } from "../../graphql/keyset";
import { checkPageSize } from "../../graphql/pagination";
import type { Viewer } from "../auth/viewer";
import { AuditEntry } from "./audit.entity";

export type AuditRecord = {
  action: string;
  entity: string;
  entityId?: string | null;
  changes?: Record<string, unknown> | null;
};

// The trail names what changed without copying personal data into a second place:
// a NIK is kept masked, phone numbers and birth dates only as "changed".
const REDACTED = new Set(["phone", "birthDate", "password", "secret"]);

export function redact(
  changes: Record<string, unknown> | null | undefined,
): Record<string, unknown> | null {
  if (!changes) return null;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    if (key === "nik" && typeof value === "string") out[key] = maskNik(value);
    else if (REDACTED.has(key)) out[key] = value === null ? null : "(changed)";
    else out[key] = value;
  }
  return out;
}

/** Writes one audit entry inside the caller's transaction: the change and its record commit together. */
export async function writeAudit(
  m: EntityManager,
  viewer: Viewer,
  record: AuditRecord,
): Promise<void> {
  await m.query(
    `INSERT INTO audit_entry (actor, action, entity, entity_id, changes) VALUES ($1, $2, $3, $4, $5)`,
    [
      viewer.actor,
      record.action,
      record.entity,
      record.entityId ?? null,
      record.changes ? JSON.stringify(redact(record.changes)) : null,
    ],
  );
}

export class AuditService {
  constructor(private readonly db: DataSource) {}

  list(
    entity: string | null | undefined,
    entityId: string | null | undefined,
    first?: number,
    after?: string | null,
  ) {
    const qb = this.db.getRepository(AuditEntry).createQueryBuilder("a");
    if (entity) qb.andWhere("a.entity = :entity", { entity });
    if (entityId) qb.andWhere("a.entity_id = :entityId", { entityId });
    return keysetPage(qb, {
      first: checkPageSize(first),
      after,
      direction: "DESC",
      keys: [{ column: "a.id", value: (a) => a.id }],
    });
  }
}
