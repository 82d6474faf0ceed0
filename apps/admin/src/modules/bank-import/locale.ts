// Texts of the bank-file import (Impor mutasi bank) and the donor number field (Bahasa
// Indonesia first; English keeps exactly these keys, which the type enforces).
export const bankImportId = {
  nav: "Impor mutasi bank",
  title: "Impor mutasi bank",
  intro:
    "Unggah mutasi rekening (CSV) berisi transfer masuk: setiap baris dicocokkan ke donatur lewat nomor VA / nomor donatur, lalu lewat awalan referensi. Baris yang belum cocok bisa Anda pilihkan donaturnya. Mengunggah berkas yang sama dua kali tidak mencatat apa pun lagi.",
  template: "Unduh templat CSV",
  file: "Berkas mutasi (CSV)",
  missingColumns: "Kolom wajib tidak ada: {{columns}}.",
  tooMany: "Berkas berisi {{n}} baris; paling banyak {{max}} per unggahan. Pecah berkasnya.",
  preview: "{{n}} baris",
  line: "Baris",
  paidOn: "Tanggal",
  amount: "Jumlah",
  reference: "Referensi",
  payerName: "Pengirim",
  donor: "Donatur",
  result: "Hasil",
  pickDonor: "Pilih donatur baris {{line}}",
  pickPlaceholder: "Cari nama donatur…",
  clearPick: "Batalkan pilihan",
  check: "Periksa (uji coba)",
  record: "Catat pembayaran",
  recheck: "Pilihan donatur berubah: periksa lagi sebelum mencatat.",
  match: {
    DONOR_NUMBER: "Nomor donatur",
    REFERENCE_PREFIX: "Awalan referensi",
    PICKED: "Dipilih petugas",
    NONE: "Belum cocok",
  },
  outcome: {
    RECORDED: "Dicatat",
    READY: "Siap dicatat",
    ALREADY_RECORDED: "Sudah tercatat",
    UNMATCHED: "Belum cocok",
    ERROR: "Ditolak",
  },
  dryRunSummary:
    "Uji coba: {{ready}} pembayaran siap dicatat ({{amount}}), {{already}} sudah tercatat sebelumnya, {{unmatched}} belum cocok, {{errors}} ditolak. Belum ada yang disimpan.",
  summary:
    "{{recorded}} pembayaran dicatat ({{amount}}), {{already}} sudah tercatat sebelumnya, {{unmatched}} belum cocok, {{errors}} ditolak.",
  nothingNew: "Tidak ada pembayaran baru: berkas ini sudah pernah dicatat.",
  accountNumber: "Nomor VA / nomor donatur",
  accountNumberHint:
    "Nomor yang tampil di mutasi bank untuk transfer donatur ini, misalnya SRT-0007. Dipakai untuk mencocokkan impor mutasi bank.",
};

export const bankImportEn: typeof bankImportId = {
  nav: "Bank statement import",
  title: "Bank statement import",
  intro:
    "Upload a bank statement (CSV) of incoming transfers: each row is matched to a donor by virtual-account / donor number, then by reference prefix. You can pick the donor of rows that did not match. Uploading the same file twice records nothing new.",
  template: "Download CSV template",
  file: "Statement file (CSV)",
  missingColumns: "Required columns missing: {{columns}}.",
  tooMany: "The file has {{n}} rows; at most {{max}} per upload. Split the file.",
  preview: "{{n}} rows",
  line: "Line",
  paidOn: "Date",
  amount: "Amount",
  reference: "Reference",
  payerName: "Sender",
  donor: "Donor",
  result: "Result",
  pickDonor: "Pick the donor of line {{line}}",
  pickPlaceholder: "Search donor name…",
  clearPick: "Clear pick",
  check: "Check (dry run)",
  record: "Record payments",
  recheck: "The donor picks changed: check again before recording.",
  match: {
    DONOR_NUMBER: "Donor number",
    REFERENCE_PREFIX: "Reference prefix",
    PICKED: "Picked by officer",
    NONE: "Not matched",
  },
  outcome: {
    RECORDED: "Recorded",
    READY: "Ready",
    ALREADY_RECORDED: "Already recorded",
    UNMATCHED: "Not matched",
    ERROR: "Refused",
  },
  dryRunSummary:
    "Dry run: {{ready}} payments ready to record ({{amount}}), {{already}} already recorded, {{unmatched}} not matched, {{errors}} refused. Nothing saved yet.",
  summary:
    "{{recorded}} payments recorded ({{amount}}), {{already}} already recorded, {{unmatched}} not matched, {{errors}} refused.",
  nothingNew: "No new payment: this file was recorded before.",
  accountNumber: "Virtual-account / donor number",
  accountNumberHint:
    "The number the bank statement shows for this donor's transfers, e.g. SRT-0007. Used to match bank statement imports.",
};
