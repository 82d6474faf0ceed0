// The partners' engagements: the 7 May 2024 socialisation + monev with the 16 PLKK and its
// 2025 follow-up, the agents' trainings and village socialisations, and the meetings with
// the Pemkab, BAZNAS, companies and communities.

import { EngagementKind } from "@sertakan/schema";
import { DAY_MS, epochOfIsoDate } from "./prng";
import type { PlanContext } from "./demo-context";
import type { DemoPartners } from "./demo-partners";
import { isKelurahan } from "./demo-regions";
import type { EngagementRow, PartnerRow } from "./demo-rows";
import { ANCHOR_MS, iso, WIB_OFFSET_MS } from "./demo-window";

/** The socialisation + monev meeting with the 16 PLKK reported by Tribun Jogja. */
export const ARTICLE_MONEV_DATE = "2024-05-07";

export function planEngagements(ctx: PlanContext, p: DemoPartners): EngagementRow[] {
  const { prng, clock, districtOf, villageIn } = ctx;
  const { partnerDistrict, plkk, agents, agentCohort, pemda, baznas, companies, communities } = p;
  const { donorPlkk } = p;
  const engagements: EngagementRow[] = [];
  const addEngagement = (
    partner: PartnerRow,
    kind: EngagementKind,
    date: string,
    notes: string,
    attendees: number | null,
  ): void => {
    const partnerCreated = Date.parse(partner.created_at);
    // Events before the partner was entered were back-filled shortly after it.
    const created =
      epochOfIsoDate(date) <= partnerCreated
        ? clock.rampInstant(
            partnerCreated + 60_000,
            Math.min(ANCHOR_MS, partnerCreated + 10 * DAY_MS),
          )
        : clock.rampInstant(
            Math.max(partnerCreated, epochOfIsoDate(date) - WIB_OFFSET_MS + 12 * 3_600_000),
            Math.min(ANCHOR_MS, epochOfIsoDate(date) + 4 * DAY_MS),
          );
    engagements.push({
      id: prng.uuid(),
      partner_id: partner.id,
      kind,
      date,
      notes,
      attendees,
      created_at: iso(created),
    });
  };

  const MONEV_TOPICS = [
    "ketepatan pelaporan kasus kecelakaan kerja tahap I dalam 2×24 jam",
    "kelengkapan berkas penagihan biaya perawatan kasus JKK",
    "alur rujukan pasien kecelakaan kerja ke rumah sakit",
    "pelaporan kasus melalui aplikasi e-PLKK",
    "pemahaman petugas IGD tentang peserta BPU",
    "verifikasi kepesertaan sebelum tindakan medis",
    "waktu tunggu pembayaran klaim PLKK",
  ];
  plkk.forEach((p) => {
    addEngagement(
      p,
      EngagementKind.MONITORING_EVALUATION,
      ARTICLE_MONEV_DATE,
      "Sosialisasi program Sertakan serta monitoring dan evaluasi PLKK bersama 16 PLKK se-Kabupaten Klaten di New Resto Merapi, Klaten. " +
        "Disampaikan capaian kepesertaan BPU Klaten (baru ±9% dari ±219 ribu pekerja informal terlindungi) dan ajakan agar PLKK ikut " +
        "menyalurkan bantuan iuran JKK+JKM Rp16.800/bulan bagi pekerja rentan di sekitarnya. " +
        `Evaluasi layanan: ${prng.pick(MONEV_TOPICS)}.`,
      prng.int(2, 4),
    );
  });
  const monev2025 = "2025-05-20";
  plkk.forEach((p, i) => {
    const followUp = donorPlkk.has(i)
      ? `PLKK telah menjadi donatur Sertakan dan membiayai iuran ${prng.int(5, 40)} pekerja rentan di sekitarnya.`
      : "PLKK menyatakan akan mengusulkan anggaran bantuan iuran Sertakan pada tahun anggaran berikutnya.";
    addEngagement(
      p,
      EngagementKind.MONITORING_EVALUATION,
      monev2025,
      `Monitoring dan evaluasi periodik PLKK semester I 2025 di Kantor Cabang Klaten. Tindak lanjut komitmen Sertakan: ${followUp} ` +
        `Catatan layanan: ${prng.pick(MONEV_TOPICS)}.`,
      prng.int(1, 3),
    );
  });

  const cohortSize = [
    0,
    agentCohort.filter((c) => c === 1).length,
    agentCohort.filter((c) => c === 2).length,
  ];
  const cohortAttendees = [0, prng.int(14, 24), prng.int(14, 24)];
  agents.forEach((a, i) => {
    const cohort = agentCohort[i];
    const date = cohort === 1 ? "2024-08-20" : "2025-02-11";
    addEngagement(
      a,
      EngagementKind.TRAINING,
      date,
      `Pelatihan Agen Perisai angkatan ${cohort === 1 ? "I" : "II"} (${cohortSize[cohort]} agen Klaten): produk BPU (JKK, JKM, JHT), ` +
        "iuran Rp16.800 dan Rp36.800 per bulan, pendaftaran dan pembayaran melalui aplikasi Perisai, serta program Sertakan.",
      cohortAttendees[cohort],
    );
  });
  // Village socialisations run by active agents.
  const activeAgents = agents.filter((a) => a.active);
  for (let k = 0; k < 6 && activeAgents.length > 0; k++) {
    const a = activeAgents[k % activeAgents.length];
    const district = districtOf(partnerDistrict.get(a.id) ?? "");
    const village = villageIn(district);
    const hall = isKelurahan(village) ? "Aula Kelurahan" : "Balai Desa";
    const date = clock.rampDate(
      Math.max(Date.parse(a.created_at), epochOfIsoDate("2025-03-01")),
      epochOfIsoDate("2026-10-15"),
    );
    const present = prng.int(25, 90);
    addEngagement(
      a,
      EngagementKind.SOCIALISATION,
      date,
      `Sosialisasi program Sertakan dan kepesertaan BPU kepada warga di ${hall} ${village.name}, Kec. ${district.name}; ` +
        `${present} warga hadir, ${prng.int(3, Math.max(4, Math.floor(present / 4)))} langsung didaftarkan.`,
      present,
    );
  }
  addEngagement(
    pemda,
    EngagementKind.SOCIALISATION,
    "2024-06-13",
    "Audiensi dengan Pemerintah Kabupaten Klaten: paparan program Sertakan dan usulan alokasi APBD 2025 untuk iuran JKK+JKM pekerja rentan.",
    prng.int(10, 20),
  );
  addEngagement(
    pemda,
    EngagementKind.OTHER,
    "2024-08-15",
    "Penandatanganan nota kesepakatan perlindungan jaminan sosial ketenagakerjaan bagi pekerja rentan antara Pemkab Klaten dan BPJS Ketenagakerjaan Cabang Klaten.",
    prng.int(20, 40),
  );
  addEngagement(
    pemda,
    EngagementKind.SOCIALISATION,
    "2025-01-21",
    "Sosialisasi gerakan ASN Peduli Sertakan kepada perangkat daerah: setiap ASN diajak melindungi satu pekerja rentan di sekitarnya.",
    prng.int(60, 120),
  );
  addEngagement(
    baznas,
    EngagementKind.SOCIALISATION,
    "2024-07-09",
    "Koordinasi penyaluran zakat BAZNAS Klaten untuk iuran BPJS Ketenagakerjaan mustahik (pekerja rentan yang berhak menerima zakat).",
    prng.int(6, 12),
  );
  for (const c of companies) {
    addEngagement(
      c,
      EngagementKind.SOCIALISATION,
      clock.rampDate(Date.parse(c.created_at), Date.parse(c.created_at) + 60 * DAY_MS),
      `Sosialisasi Sertakan sebagai program CSR ${c.name}: perlindungan JKK+JKM bagi pekerja rentan di sekitar lokasi usaha.`,
      prng.int(4, 15),
    );
  }
  for (const c of communities) {
    addEngagement(
      c,
      EngagementKind.SOCIALISATION,
      clock.rampDate(Date.parse(c.created_at) + DAY_MS, epochOfIsoDate("2026-09-30")),
      `Sosialisasi program Sertakan kepada anggota ${c.name}: anggota dapat saling menanggung iuran sesama pekerja informal.`,
      prng.int(20, 70),
    );
  }

  return engagements;
}
