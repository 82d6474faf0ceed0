import { DataSource } from "typeorm";
import {
  Access,
  ProgramPackage,
  StatementFigures,
  StatementMonthRow,
  YearMonth,
  addMonths,
  canSeeRegion,
  currentYearMonth,
  isoDateOf,
  maskNik,
  masksPersonalData,
  statementFigures,
  statementPeriod,
} from "@sertakan/schema";
import { workerInScopeRaw } from "../auth/scope";
import { DonorService } from "../donor/donor.service";
import { Donor } from "../donor/donor.entity";
import { PaymentService } from "../payment/payment.service";
import { RegionService } from "../region/region.service";

/** The donor as a document prints them: no phone or e-mail for a VIEWER. */
export type DocumentDonor = {
  name: string;
  kind: string;
  taxId: string | null;
  contactName: string | null;
  phone: string | null;
  email: string | null;
  region: string;
};

export type ReceiptLine = {
  month: YearMonth;
  /** null when the worker is outside the caller's scope: the month is shown, not the person. */
  workerName: string | null;
  /** Always masked: a receipt leaves the office. */
  nik: string | null;
  package: ProgramPackage;
  /** The part of this payment that went to the month. */
  amount: number;
};

export type Receipt = {
  reference: string;
  paidAt: Date;
  paidOn: string;
  amount: number;
  allocated: number;
  donor: DocumentDonor;
  branch: string;
  lines: ReceiptLine[];
  issuedAt: Date;
};

export type StatementSponsorship = {
  id: string;
  workerName: string;
  nik: string;
  package: ProgramPackage;
  monthlyAmount: number;
  startMonth: YearMonth;
  endMonth: YearMonth;
  cancelled: boolean;
};

export type Statement = {
  from: YearMonth;
  to: YearMonth;
  /** The current month (Asia/Jakarta) when printed: DUE months up to it have fallen due. */
  current: YearMonth;
  donor: DocumentDonor;
  branch: string;
  sponsorships: StatementSponsorship[];
  payments: { reference: string; paidOn: string; amount: number }[];
  figures: StatementFigures;
  issuedAt: Date;
};

/**
 * The data of a payment's receipt and a donor's statement. Access is decided by the donor
 * and payment services, as for GraphQL: outside the caller's scope is not found (null).
 */
export class DocumentService {
  constructor(
    private readonly db: DataSource,
    private readonly donors: DonorService,
    private readonly payments: PaymentService,
    private readonly regions: RegionService,
    private readonly now: () => Date,
  ) {}

  async receipt(access: Access, paymentId: string): Promise<Receipt | null> {
    const payment = await this.payments.get(access, paymentId);
    if (!payment) return null;
    const donor = (await this.donors.get(access, payment.donorId))!;
    const rows: {
      month: string;
      amount: string;
      full_name: string;
      nik: string;
      village_code: string;
      package: ProgramPackage;
    }[] = await this.db.query(
      `SELECT to_char(c.month, 'YYYY-MM') AS month, a.amount, w.full_name, w.nik, w.village_code, s.package
         FROM allocation a
         JOIN contribution c ON c.id = a.contribution_id
         JOIN sponsorship s ON s.id = c.sponsorship_id
         JOIN worker w ON w.id = c.worker_id
        WHERE a.payment_id = $1
        ORDER BY c.month, w.full_name, c.id`,
      [payment.id],
    );
    const lines = rows.map((r) => {
      const visible = canSeeRegion(access, r.village_code);
      return {
        month: r.month,
        workerName: visible ? r.full_name : null,
        nik: visible ? maskNik(r.nik) : null,
        package: r.package,
        amount: Number(r.amount),
      };
    });
    return {
      reference: payment.reference,
      paidAt: payment.paidAt,
      paidOn: isoDateOf(payment.paidAt),
      amount: payment.amount,
      allocated: lines.reduce((total, l) => total + l.amount, 0),
      donor: await this.printed(access, donor),
      branch: await this.branchOf(donor),
      lines,
      issuedAt: this.now(),
    };
  }

  /**
   * A donor's statement for months `from` to `to` (Asia/Jakarta), with the sponsorships of
   * workers inside the caller's scope, as GraphQL's Donor.sponsorships lists them.
   * @throws BadUserInputError for bad months, before anything is read
   */
  async statement(
    access: Access,
    donorId: string,
    from: string | undefined,
    to: string | undefined,
  ): Promise<Statement | null> {
    const current = currentYearMonth(this.now());
    const period = statementPeriod(from, to, current);
    const donor = await this.donors.get(access, donorId);
    if (!donor) return null;
    const start = `${period.from}-01`;
    const end = `${period.to}-01`;
    const scope = workerInScopeRaw(access, "w", 4);
    const sponsorships: {
      id: string;
      full_name: string;
      nik: string;
      package: ProgramPackage;
      monthly_amount: string;
      start_month: string;
      end_month: string;
      cancelled: boolean;
    }[] = await this.db.query(
      `SELECT s.id, w.full_name, w.nik, s.package, s.monthly_amount,
              to_char(s.start_month, 'YYYY-MM') AS start_month, to_char(s.end_month, 'YYYY-MM') AS end_month,
              s.cancelled_at IS NOT NULL AS cancelled
         FROM sponsorship s JOIN worker w ON w.id = s.worker_id
        WHERE s.donor_id = $1 AND s.start_month <= $3::date AND s.end_month >= $2::date AND ${scope.sql}
        ORDER BY w.full_name, s.start_month, s.id`,
      [donor.id, start, end, ...(scope.value === null ? [] : [scope.value])],
    );
    const ids = sponsorships.map((s) => s.id);
    const months: { sponsorship_id: string; month: string; amount: string; status: string }[] =
      ids.length
        ? await this.db.query(
            `SELECT sponsorship_id, to_char(month, 'YYYY-MM') AS month, amount, status
               FROM contribution
              WHERE sponsorship_id = ANY($1::uuid[]) AND month BETWEEN $2::date AND $3::date`,
            [ids, start, end],
          )
        : [];
    // Jakarta months: a payment at 23:30 WIB on the 31st belongs to that month.
    const payments: { reference: string; paid_at: Date; amount: string }[] = await this.db.query(
      `SELECT reference, paid_at, amount FROM payment
        WHERE donor_id = $1
          AND paid_at >= ($2::date)::timestamp AT TIME ZONE 'Asia/Jakarta'
          AND paid_at < ($3::date)::timestamp AT TIME ZONE 'Asia/Jakarta'
        ORDER BY paid_at, id`,
      [donor.id, start, `${addMonths(period.to, 1)}-01`],
    );
    const [{ credit }] = await this.db.query(
      `SELECT (SELECT coalesce(sum(amount), 0) FROM payment WHERE donor_id = $1)
            - (SELECT coalesce(sum(a.amount), 0) FROM allocation a JOIN payment p ON p.id = a.payment_id
                WHERE p.donor_id = $1) AS credit`,
      [donor.id],
    );
    const paymentRows = payments.map((p) => ({
      reference: p.reference,
      paidOn: isoDateOf(p.paid_at),
      amount: Number(p.amount),
    }));
    return {
      ...period,
      current,
      donor: await this.printed(access, donor),
      branch: await this.branchOf(donor),
      sponsorships: sponsorships.map((s) => ({
        id: s.id,
        workerName: s.full_name,
        nik: maskNik(s.nik),
        package: s.package,
        monthlyAmount: Number(s.monthly_amount),
        startMonth: s.start_month,
        endMonth: s.end_month,
        cancelled: s.cancelled,
      })),
      payments: paymentRows,
      figures: statementFigures({
        ...period,
        current,
        sponsorshipIds: ids,
        months: months.map((m): StatementMonthRow => ({
          sponsorshipId: m.sponsorship_id,
          month: m.month,
          amount: Number(m.amount),
          status: m.status as StatementMonthRow["status"],
        })),
        payments: paymentRows,
        credit: Number(credit),
      }),
      issuedAt: this.now(),
    };
  }

  private async printed(access: Access, donor: Donor): Promise<DocumentDonor> {
    // UU PDP 27/2022: a VIEWER reads without contact details.
    const masked = masksPersonalData(access);
    return {
      name: donor.name,
      kind: donor.kind,
      taxId: donor.taxId,
      contactName: donor.contactName,
      phone: masked ? null : donor.phone,
      email: masked ? null : donor.email,
      region: (await this.regions.require(donor.regionCode, "regionCode")).name,
    };
  }

  // The branch office is the regency's (Kantor Cabang Klaten serves Kabupaten Klaten).
  private async branchOf(donor: Donor): Promise<string> {
    const code = donor.regionCode.slice(0, 5);
    return (await this.regions.require(code, "regionCode")).name;
  }
}
