import { LAPSE_AFTER_UNPAID_MONTHS } from "./coverage";

/**
 * SQL for a worker's coverage status in a month, the rule of `coverageStatus` in
 * @sertakan/schema read from the last paid month up to it. `month` is a SQL expression for
 * the month's first day (a parameter); the worker is `w`. The filter and the compiled reads
 * both use this one expression, and tests compare it with the function.
 */
export function coverageStatusSql(month: string, w = "w"): string {
  return `(SELECT CASE WHEN max(c.month) IS NULL THEN 'UNCOVERED'
                       WHEN max(c.month) = ${month} THEN 'ACTIVE'
                       WHEN max(c.month) >= (${month} - interval '${LAPSE_AFTER_UNPAID_MONTHS} months') THEN 'ARREARS'
                       ELSE 'LAPSED' END
             FROM contribution c WHERE c.worker_id = ${w}.id AND c.status = 'PAID' AND c.month <= ${month})`;
}
