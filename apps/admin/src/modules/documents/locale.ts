// Texts of the PDF receipts and statements (Bahasa Indonesia first; English keeps these keys).
export const documentsId = {
  receipt: "Kuitansi (PDF)",
  receiptOf: "Kuitansi {{reference}} (PDF, tab baru)",
  statement: "Laporan donatur (PDF)",
  from: "Dari bulan",
  to: "Sampai bulan",
  badPeriod: "Bulan awal harus sebelum atau sama dengan bulan akhir.",
};

export const documentsEn: typeof documentsId = {
  receipt: "Receipt (PDF)",
  receiptOf: "Receipt {{reference}} (PDF, new tab)",
  statement: "Donor statement (PDF)",
  from: "From month",
  to: "To month",
  badPeriod: "The first month must not be after the last one.",
};
