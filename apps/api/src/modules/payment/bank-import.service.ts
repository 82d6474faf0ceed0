import { DataSource, EntityManager, In } from "typeorm";
import {
  BadUserInputError,
  BankMatch,
  BankRow,
  BankRowError,
  BankRowOutcome,
  DomainError,
  ForbiddenError,
  MAX_BANK_ROWS,
  assertCanWriteIn,
  canSeeRegion,
  canWrite,
  isoDateOf,
  jakartaInstant,
  matchBankRow,
  parseBankRow,
  referencePrefixes,
  summarizeBankImport,
} from "@sertakan/schema";
import { isUuid } from "../../graphql/ids";
import { AuditRecord, redact } from "../audit/audit.service";
import type { Viewer } from "../auth/viewer";
import { BankImportResult, BankImportRow, BankPaymentRowInput } from "./bank-import.inputs";
import { Payment } from "./payment.entity";
import { PaymentService } from "./payment.service";

type DonorRef = { id: string; name: string; regionCode: string; accountNumber: string | null };
type Existing = { id: string; donorId: string; reference: string; amount: number };
/** A row matched to a donor and readable: what recording needs. */
type Ready = { result: BankImportRow; row: BankRow };

const key = (donorId: string, reference: string) => `${donorId} ${reference}`;
const fail = (result: BankImportRow, error: BankRowError) =>
  Object.assign(result, { outcome: BankRowOutcome.ERROR, error });

// Donor transactions run side by side; each holds one pool connection.
const PARALLEL_DONORS = 3;

/** Several audit entries in one statement, redacted as writeAudit redacts them. */
async function writeAuditEntries(m: EntityManager, viewer: Viewer, entries: AuditRecord[]) {
  await m.query(
    `INSERT INTO audit_entry (actor, action, entity, entity_id, changes)
     SELECT $1, action, entity, entity_id, changes
       FROM unnest($2::text[], $3::text[], $4::text[], $5::jsonb[]) WITH ORDINALITY AS e(action, entity, entity_id, changes, n)
      ORDER BY n`,
    [
      viewer.actor,
      entries.map((e) => e.action),
      entries.map((e) => e.entity),
      entries.map((e) => e.entityId ?? null),
      entries.map((e) => JSON.stringify(redact(e.changes))),
    ],
  );
}

/** Rp amounts for messages, as the branch writes them: Rp36.800. */
const rupiah = (n: number) => `Rp${n.toLocaleString("id-ID")}`;

/**
 * Payments from a bank file. Each donor's rows are recorded in one transaction of their own
 * under that donor's row lock, by the rules of recordPayment: the payments are inserted,
 * then the donor's DUE months are paid from them oldest first (PaymentService.allocate), and
 * each payment gets its audit entry. A donor's rows therefore commit together; a bad row or
 * another donor's failure never holds the rest back.
 */
export class BankImportService {
  constructor(
    private readonly db: DataSource,
    private readonly payments: PaymentService,
    private readonly now: () => Date,
  ) {}

  async import(
    viewer: Viewer,
    rows: BankPaymentRowInput[],
    dryRun: boolean,
  ): Promise<BankImportResult> {
    if (!canWrite(viewer)) throw new ForbiddenError("A viewer may read but not record payments.");
    if (rows.length > MAX_BANK_ROWS)
      throw new BadUserInputError(
        `A bank file takes at most ${MAX_BANK_ROWS.toLocaleString("en")} rows; this one has ${rows.length.toLocaleString("en")}. Split the file.`,
        "rows",
      );
    const today = isoDateOf(this.now());
    const results: BankImportRow[] = [];
    const readable: { result: BankImportRow; row: BankRow; picked: string | null }[] = [];
    for (const input of rows) {
      const result: BankImportRow = {
        line: input.line,
        donorId: null,
        match: BankMatch.NONE,
        outcome: BankRowOutcome.UNMATCHED,
        amount: null,
        reference: (input.reference ?? "").trim(),
        payerName: (input.payerName ?? "").trim(),
        payment: null,
        error: null,
      };
      results.push(result);
      const parsed = parseBankRow(input, today);
      if ("error" in parsed) {
        fail(result, parsed.error);
        continue;
      }
      result.amount = parsed.row.amount;
      const picked = input.donorId?.trim() || null;
      if (picked && !isUuid(picked)) {
        fail(result, {
          code: "BAD_USER_INPUT",
          field: "donorId",
          message: `donorId ${picked} is not an id.`,
        });
        continue;
      }
      readable.push({ result, row: parsed.row, picked });
    }

    const donors = await this.candidates(viewer, readable);
    const byNumber = new Map<string, DonorRef>();
    for (const d of donors.values()) if (d.accountNumber) byNumber.set(d.accountNumber, d);
    const ready: Ready[] = [];
    for (const { result, row, picked } of readable) {
      const pick = picked ? (donors.get(picked) ?? null) : null;
      if (picked && !pick) {
        fail(result, {
          code: "NOT_FOUND",
          field: "donorId",
          message: `No donor ${picked} in your scope.`,
        });
        continue;
      }
      const { donor, match } = matchBankRow(row, byNumber, pick);
      result.match = match;
      if (!donor) continue; // UNMATCHED: the officer picks one in the preview.
      result.donorId = donor.id;
      try {
        assertCanWriteIn(viewer, donor.regionCode, "donor", "donorId");
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
        fail(result, { code: e.code, field: "donorId", message: e.message });
        continue;
      }
      ready.push({ result, row });
    }

    const byDonor = new Map<string, Ready[]>();
    for (const r of ready) {
      const list = byDonor.get(r.result.donorId!) ?? [];
      list.push(r);
      byDonor.set(r.result.donorId!, list);
    }
    if (dryRun) {
      const existing = await this.existing(this.db.manager, ready);
      for (const list of byDonor.values()) this.classify(list, existing, BankRowOutcome.READY);
    } else {
      // A few donors at a time, each in its own transaction holding only that donor's lock,
      // as concurrent recordPayment calls would; the pool keeps connections for other requests.
      const queue = [...byDonor.keys()].sort();
      const worker = async () => {
        for (let donorId = queue.shift(); donorId; donorId = queue.shift())
          await this.recordDonor(viewer, donorId, byDonor.get(donorId)!);
      };
      await Promise.all(Array.from({ length: Math.min(PARALLEL_DONORS, queue.length) }, worker));
    }
    await this.attachPayments(results);
    const summary = summarizeBankImport(results);
    return { dryRun, rows: results, ...summary };
  }

  /** The donors the rows could name (by id, number or reference prefix) that the caller may see. */
  private async candidates(
    viewer: Viewer,
    rows: { row: BankRow; picked: string | null }[],
  ): Promise<Map<string, DonorRef>> {
    const numbers = new Set<string>();
    const ids = new Set<string>();
    for (const { row, picked } of rows) {
      if (picked) ids.add(picked);
      if (row.donorNumber) numbers.add(row.donorNumber);
      for (const p of referencePrefixes(row.reference)) numbers.add(p);
    }
    if (!numbers.size && !ids.size) return new Map();
    const found: DonorRef[] = await this.db.query(
      `SELECT id, name, region_code AS "regionCode", account_number AS "accountNumber"
         FROM donor WHERE account_number = ANY($1::text[]) OR id = ANY($2::uuid[])`,
      [[...numbers], [...ids]],
    );
    // A donor outside the caller's scope is not there for them, as everywhere else.
    return new Map(found.filter((d) => canSeeRegion(viewer, d.regionCode)).map((d) => [d.id, d]));
  }

  /** The payments the donors already have under the rows' references. */
  private async existing(m: EntityManager, rows: Ready[]): Promise<Map<string, Existing>> {
    if (!rows.length) return new Map();
    const found: Existing[] = await m.query(
      `SELECT p.id, p.donor_id AS "donorId", p.reference, p.amount::bigint AS amount
         FROM payment p JOIN unnest($1::uuid[], $2::text[]) AS r(donor_id, reference)
           ON p.donor_id = r.donor_id AND p.reference = r.reference`,
      [rows.map((r) => r.result.donorId), rows.map((r) => r.row.reference)],
    );
    return new Map(
      found.map((e) => [key(e.donorId, e.reference), { ...e, amount: Number(e.amount) }]),
    );
  }

  /**
   * Decides each row of one donor against the payments it already has and the rows before it
   * in the file: the same reference with the same amount is ALREADY_RECORDED, with another
   * amount it is refused (as recordPayment refuses it); the rest get `fresh`.
   * Returns the rows to write.
   */
  private classify(list: Ready[], existing: Map<string, Existing>, fresh: BankRowOutcome): Ready[] {
    const inFile = new Map<string, number>();
    const write: Ready[] = [];
    for (const r of list) {
      const k = key(r.result.donorId!, r.row.reference);
      const before = existing.get(k)?.amount ?? inFile.get(k);
      if (before === undefined) {
        inFile.set(k, r.row.amount);
        r.result.outcome = fresh;
        write.push(r);
      } else if (before === r.row.amount) {
        r.result.outcome = BankRowOutcome.ALREADY_RECORDED;
        r.result.payment = existing.has(k) ? ({ id: existing.get(k)!.id } as Payment) : null;
      } else {
        fail(r.result, {
          code: "CONFLICT",
          field: "reference",
          message: `Reference ${r.row.reference} was already recorded for this donor with ${rupiah(before)}, not ${rupiah(r.row.amount)}. Use the bank's own reference for each transfer.`,
        });
      }
    }
    return write;
  }

  /** One donor's rows in one transaction under the donor's lock, as recordPayment does. */
  private async recordDonor(viewer: Viewer, donorId: string, list: Ready[]): Promise<void> {
    await this.db.transaction(async (m) => {
      await this.payments.lockDonor(m, donorId);
      // Read under the lock: a second upload of the same file waits here, then finds the first's.
      const write = this.classify(list, await this.existing(m, list), BankRowOutcome.RECORDED);
      if (!write.length) return;
      // Oldest transfer first, so the months are paid from the money in the order it came.
      write.sort(
        (a, b) => a.row.paidOn.localeCompare(b.row.paidOn) || a.result.line - b.result.line,
      );
      const paidAt = write.map((r) => jakartaInstant(r.row.paidOn));
      const inserted: { id: string; reference: string }[] = await m.query(
        `INSERT INTO payment (donor_id, amount, paid_at, reference)
         SELECT $1, amount, paid_at, reference
           FROM unnest($2::bigint[], $3::timestamptz[], $4::text[]) WITH ORDINALITY AS r(amount, paid_at, reference, n)
          ORDER BY n
         RETURNING id, reference`,
        [donorId, write.map((r) => r.row.amount), paidAt, write.map((r) => r.row.reference)],
      );
      const ids = new Map(inserted.map((p) => [p.reference, p.id]));
      // A later row of the file with the same reference and amount names the payment just made.
      for (const r of list)
        if (r.result.outcome === BankRowOutcome.ALREADY_RECORDED && !r.result.payment)
          r.result.payment = { id: ids.get(r.row.reference)! } as Payment;
      const paid = await this.payments.allocate(m, donorId);
      // One recordPayment entry per payment, as recordPayment writes it, and one for the donor's
      // share of the file; in one statement.
      const entries: AuditRecord[] = write.map((r, i) => {
        const id = ids.get(r.row.reference)!;
        r.result.payment = { id } as Payment;
        return {
          action: "recordPayment",
          entity: "payment",
          entityId: id,
          changes: {
            donorId,
            amount: r.row.amount,
            reference: r.row.reference,
            paidAt: paidAt[i].toISOString(),
            payerName: r.row.payerName,
            source: "importBankPayments",
            line: r.result.line,
          },
        };
      });
      entries.push({
        action: "importBankPayments",
        entity: "donor",
        entityId: donorId,
        changes: {
          payments: write.length,
          amount: write.reduce((sum, r) => sum + r.row.amount, 0),
          monthsPaid: paid.months,
          allocated: paid.amount,
        },
      });
      await writeAuditEntries(m, viewer, entries);
    });
  }

  /** Replaces the rows' payment ids by the payments themselves, in one query. */
  private async attachPayments(rows: BankImportRow[]): Promise<void> {
    const ids = rows.flatMap((r) => (r.payment ? [r.payment.id] : []));
    if (!ids.length) return;
    const found = await this.db.getRepository(Payment).findBy({ id: In(ids) });
    const byId = new Map(found.map((p) => [p.id, p]));
    for (const r of rows) if (r.payment) r.payment = byId.get(r.payment.id) ?? null;
  }
}
