// Texts of the Perisai agents' fees page.
export const commissionsId = {
  title: "Fee agen Perisai",
  heading: "Fee agen Perisai {{month}} · {{region}}",
  rules:
    "Perdir 13/2022: fee akuisisi Rp15.000 (JKK+JKM+JHT) atau Rp10.000 (JKK+JKM) per peserta baru, hanya bila bulan itu ada minimal 25 peserta baru; fee iuran 15% dari iuran bulan ke-1 s.d. ke-24 dan 5% bulan ke-25 s.d. ke-60; lembaga agen mendapat 10% di atas fee agen. Dibayar paling lambat tanggal 5 bulan berikutnya.",
  month: "Bulan",
  export: "Ekspor CSV",
  exported: "{{n}} agen diekspor.",
  print: "Cetak",
  count: "{{total}} agen",
  none: "Tidak ada agen Perisai di wilayah ini.",
  column: {
    agent: "Agen",
    region: "Wilayah",
    newRecruits: "Peserta baru",
    paidMonths: "Bulan iuran dibayar",
    acquisitionFee: "Fee akuisisi",
    contributionFee: "Fee iuran",
    agentFee: "Fee agen",
    institutionFee: "Fee lembaga (10%)",
    total: "Total dibayar",
    status: "Status",
  },
  totals: "Total",
  active: "Aktif",
  suspended: "Diputus",
  suspendedReason:
    "Tiga bulan berturut-turut tanpa peserta baru dan tanpa transaksi: semua fee bulan ini 0.",
  suspendedCount: "{{n}} agen diputus (tiga bulan tanpa peserta baru dan tanpa transaksi).",
};

export const commissionsEn: typeof commissionsId = {
  title: "Perisai agent fees",
  heading: "Perisai agent fees {{month}} · {{region}}",
  rules:
    "Perdir 13/2022: an acquisition fee of Rp15,000 (JKK+JKM+JHT) or Rp10,000 (JKK+JKM) per new participant, only in a month with at least 25 new participants; a contribution fee of 15% of the 1st to 24th paid months and 5% of the 25th to 60th; the agent's institution gets 10% on top of the agent's fee. Paid by the 5th of the next month.",
  month: "Month",
  export: "Export CSV",
  exported: "{{n}} agents exported.",
  print: "Print",
  count: "{{total}} agents",
  none: "No Perisai agents in this region.",
  column: {
    agent: "Agent",
    region: "Region",
    newRecruits: "New participants",
    paidMonths: "Paid months",
    acquisitionFee: "Acquisition fee",
    contributionFee: "Contribution fee",
    agentFee: "Agent fee",
    institutionFee: "Institution fee (10%)",
    total: "Total payable",
    status: "Status",
  },
  totals: "Total",
  active: "Active",
  suspended: "Cut off",
  suspendedReason:
    "Three months in a row without a new participant or a transaction: every fee this month is 0.",
  suspendedCount: "{{n}} agents cut off (three months without a new participant or a transaction).",
};
