import type { AccidentReportFieldsFragment } from "../../gql/graphql";

/** One CSV row per report; figures and codes raw, so a spreadsheet can count them. */
export function accidentCsvRow(r: AccidentReportFieldsFragment): Record<string, string> {
  return {
    id: r.id,
    occurredAt: r.occurredAt,
    reportedAt: r.createdAt,
    status: r.status,
    coveredMonth: r.coveredBy?.month ?? "",
    late: r.late ? "yes" : "no",
    workerNik: r.worker.nik,
    workerName: r.worker.fullName,
    villageCode: r.worker.village.code,
    village: r.worker.village.name,
    plkk: r.partner.name,
    place: r.place,
    cause: r.cause,
    reporterName: r.reporterName,
    reporterPhone: r.reporterPhone ?? "",
    description: r.description ?? "",
  };
}
