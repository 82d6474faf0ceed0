import { EntityManager } from "typeorm";
import {
  AccidentCause,
  LATE_REPORT_AFTER_HOURS,
  YearMonth,
  addMonths,
  Gender,
  daysInMonth,
} from "@sertakan/schema";
import { COVERAGE_HISTORY_MONTHS } from "./coverage-seed";
import { javaneseName, mobilePhone } from "./names";
import { Prng } from "./prng";

// Work accidents reported by Klaten's 16 PLKK over the demo's months, decided the way
// reportAccident decides them (the accident day's month in Asia/Jakarta must be PAID), so
// the counter, the list and the dashboard show covered, uncovered and late reports.

const CAUSES: ReadonlyArray<readonly [AccidentCause, number]> = [
  [AccidentCause.AT_WORK, 70],
  [AccidentCause.ON_THE_WAY, 22],
  [AccidentCause.OCCUPATIONAL_DISEASE, 3],
  [AccidentCause.OTHER, 5],
];

const PLACES: Record<AccidentCause, readonly string[]> = {
  [AccidentCause.AT_WORK]: [
    "Sawah di tepi desa",
    "Kebun tebu",
    "Pasar desa",
    "Los Pasar Klaten",
    "Bengkel las rumahan",
    "Tempat pembakaran bata",
    "Kandang sapi",
    "Dapur rumah majikan",
    "Proyek bangunan rumah warga",
    "Sentra lurik Pedan",
    "Sentra gerabah Bayat",
  ],
  [AccidentCause.ON_THE_WAY]: [
    "Jalan Raya Solo–Yogyakarta",
    "Jalan Klaten–Boyolali",
    "Jalan desa menuju pasar",
    "Perlintasan rel dekat stasiun",
  ],
  [AccidentCause.OCCUPATIONAL_DISEASE]: ["Tempat kerja (penyakit akibat kerja)"],
  [AccidentCause.OTHER]: ["Gudang hasil panen", "Halaman rumah produksi"],
};

const DESCRIPTIONS: Record<AccidentCause, readonly string[]> = {
  [AccidentCause.AT_WORK]: [
    "Tangan tersayat sabit saat panen.",
    "Terjatuh dari pohon kelapa.",
    "Kaki tertimpa karung gabah.",
    "Terkena percikan las di mata.",
    "Jari terjepit mesin penggiling.",
    "Terpeleset di lantai pasar yang basah.",
  ],
  [AccidentCause.ON_THE_WAY]: [
    "Sepeda motor tergelincir saat berangkat ke pasar.",
    "Ditabrak kendaraan saat pulang kerja.",
  ],
  [AccidentCause.OCCUPATIONAL_DISEASE]: ["Sesak napas akibat debu pembakaran bata."],
  [AccidentCause.OTHER]: ["Tertimpa rak penyimpanan."],
};

const HOUR_MS = 3_600_000;

/** The demo's "now": the wall clock, or the end of currentMonth when that has passed. */
export function lastDemoInstant(currentMonth: YearMonth, wallClock = new Date()): Date {
  const [year, month] = currentMonth.split("-").map(Number);
  const end =
    new Date(`${currentMonth}-01T00:00:00+07:00`).getTime() +
    daysInMonth(year, month) * 24 * HOUR_MS -
    1;
  return new Date(Math.min(end, wallClock.getTime()));
}

/** Accidents per month across the regency's demo workers. */
const PER_MONTH: [number, number] = [14, 30];

/**
 * Writes the reports inside the caller's transaction, after the coverage history; returns
 * how many it wrote and how many were covered. Nothing is dated after `now`.
 */
export async function seedAccidentReports(
  m: EntityManager,
  { seed, currentMonth, now }: { seed: number; currentMonth: YearMonth; now: Date },
): Promise<{ reports: number; accepted: number; late: number }> {
  const prng = new Prng(seed ^ 0xacc1de);
  const plkk: { id: string }[] = await m.query(
    `SELECT id FROM partner WHERE kind LIKE 'PLKK%' AND active ORDER BY name, id`,
  );
  const workers: { id: string; sponsored: boolean }[] = await m.query(
    `SELECT w.id, EXISTS (SELECT 1 FROM sponsorship s WHERE s.worker_id = w.id) AS sponsored
       FROM worker w ORDER BY w.id`,
  );
  if (plkk.length === 0 || workers.length === 0) return { reports: 0, accepted: 0, late: 0 };
  const sponsored = workers.filter((w) => w.sponsored);
  const rows: {
    worker: string;
    partner: string;
    occurredAt: Date;
    reportedAt: Date;
    cause: AccidentCause;
    place: string;
    description: string;
    reporter: string;
    phone: string;
  }[] = [];
  const firstMonth = addMonths(currentMonth, -(COVERAGE_HISTORY_MONTHS - 1));
  for (let i = 0; i < COVERAGE_HISTORY_MONTHS; i++) {
    const month = addMonths(firstMonth, i);
    const [year, mon] = month.split("-").map(Number);
    const monthStart = new Date(`${month}-01T00:00:00+07:00`).getTime();
    const monthEnd = monthStart + daysInMonth(year, mon) * 24 * HOUR_MS;
    const latest = Math.min(monthEnd, now.getTime() - HOUR_MS);
    if (latest <= monthStart) continue;
    // The month in progress has had only part of its accidents yet.
    const share = (latest - monthStart) / (monthEnd - monthStart);
    const count = Math.round(prng.int(...PER_MONTH) * share);
    for (let n = 0; n < count; n++) {
      // Most accidents reach a PLKK happen to workers somebody sponsors: that is who knows
      // to go there. The rest fell through, and the branch should see them.
      const worker =
        prng.chance(0.75) && sponsored.length ? prng.pick(sponsored) : prng.pick(workers);
      const occurredAt = new Date(monthStart + Math.floor(prng.next() * (latest - monthStart)));
      // Within a day as a rule; one in eight arrives after the 2 × 24 hours.
      const delayHours = prng.chance(0.125)
        ? prng.int(LATE_REPORT_AFTER_HOURS + 2, 24 * 9)
        : prng.int(1, 30);
      const reportedAt = new Date(
        Math.min(occurredAt.getTime() + delayHours * HOUR_MS, now.getTime()),
      );
      const cause = prng.weighted(CAUSES);
      const nurse = prng.chance(0.5) ? Gender.FEMALE : Gender.MALE;
      rows.push({
        worker: worker.id,
        partner: prng.pick(plkk).id,
        occurredAt,
        reportedAt,
        cause,
        place: prng.pick(PLACES[cause]),
        description: prng.pick(DESCRIPTIONS[cause]),
        reporter: `${javaneseName(prng, nurse, 1990)} (petugas PLKK)`,
        phone: mobilePhone(prng),
      });
    }
  }
  rows.sort((a, b) => a.reportedAt.getTime() - b.reportedAt.getTime());
  // Decided in SQL the way reportAccident decides: the Jakarta month of the accident day,
  // PAID or not. The late flag is the same 48-hour rule.
  const [written]: { reports: number; accepted: number; late: number }[] = await m.query(
    `WITH input AS (
       SELECT r.*, date_trunc('month', r.occurred_at AT TIME ZONE 'Asia/Jakarta')::date AS cover_month
         FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[], $4::timestamptz[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
              WITH ORDINALITY AS r(worker_id, partner_id, occurred_at, reported_at, cause, place, description, reporter_name, reporter_phone, n)
     ), decided AS (
       INSERT INTO accident_report (worker_id, partner_id, occurred_at, cover_month, place, cause, description,
                                    reporter_name, reporter_phone, status, covered_by_id, late, created_at)
       SELECT i.worker_id, i.partner_id, i.occurred_at, i.cover_month, i.place, i.cause, i.description,
              i.reporter_name, i.reporter_phone,
              CASE WHEN c.id IS NULL THEN 'NOT_COVERED' ELSE 'ACCEPTED' END, c.id,
              i.reported_at - i.occurred_at > make_interval(hours => $10::int), date_trunc('milliseconds', i.reported_at)
         FROM input i
         LEFT JOIN contribution c ON c.worker_id = i.worker_id AND c.month = i.cover_month AND c.status = 'PAID'
        ORDER BY i.n
       RETURNING status, late
     )
     SELECT count(*)::int AS reports, count(*) FILTER (WHERE status = 'ACCEPTED')::int AS accepted,
            count(*) FILTER (WHERE late)::int AS late FROM decided`,
    [
      rows.map((r) => r.worker),
      rows.map((r) => r.partner),
      rows.map((r) => r.occurredAt),
      rows.map((r) => r.reportedAt),
      rows.map((r) => r.cause),
      rows.map((r) => r.place),
      rows.map((r) => r.description),
      rows.map((r) => r.reporter),
      rows.map((r) => r.phone),
      LATE_REPORT_AFTER_HOURS,
    ],
  );
  return written;
}
