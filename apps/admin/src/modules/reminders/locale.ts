// Texts of the donor reminders page and the donor page's reminders section (Bahasa Indonesia
// first; English keeps exactly these keys, which the type enforces).
export const remindersId = {
  nav: "Pengingat donatur",
  title: "Pengingat donatur",
  intro:
    "Setiap hari pukul 07.00 WIB sistem membuat paling banyak satu pengingat per donatur, jenis dan bulan, lalu mengirimkannya lewat e-mail. Yang tidak bisa dikirim menunggu di daftar telepon.",
  kind: { COVER_ENDING: "Perlindungan berakhir", PAYMENT_DUE: "Iuran jatuh tempo" },
  status: { PENDING: "Menunggu", SENT: "Terkirim", FAILED: "Gagal" },
  filter: { kind: "Jenis", status: "Status", month: "Bulan" },
  run: "Buat pengingat sekarang",
  ran: "{{n}} pengingat baru dibuat.",
  count: "{{total}} pengingat",
  none: "Tidak ada pengingat dengan saringan ini.",
  field: {
    donor: "Donatur",
    kind: "Jenis",
    month: "Bulan",
    amount: "Jumlah",
    about: "Tentang",
    status: "Status",
    sentAt: "Dikirim",
    lastError: "Alasan gagal",
    phone: "Telepon",
  },
  about: {
    COVER_ENDING: "{{n}} penanggungan berakhir {{months}}",
    PAYMENT_DUE: "{{n}} penanggungan dengan iuran belum dibayar",
  },
  amountOf: {
    COVER_ENDING: "{{amount}} per bulan",
    PAYMENT_DUE: "{{amount}} belum dibayar",
  },
  attempts: "{{n}} kali dicoba",
  calls: {
    title: "Hubungi donatur",
    intro:
      "Pengingat yang belum terkirim: donatur tanpa e-mail, atau e-mail belum bisa dikirim. Telepon donaturnya.",
    none: "Tidak ada donatur yang perlu ditelepon.",
    noPhone: "Tidak ada nomor telepon",
    notMailed: "E-mail belum terkirim",
    more: "Menampilkan {{shown}} dari {{total}}.",
  },
  donor: {
    title: "Pengingat",
    none: "Belum ada pengingat untuk donatur ini.",
  },
};

export const remindersEn: typeof remindersId = {
  nav: "Donor reminders",
  title: "Donor reminders",
  intro:
    "Every day at 07:00 WIB the system makes at most one reminder per donor, kind and month, and sends it by e-mail. Those that cannot be sent wait on the call list.",
  kind: { COVER_ENDING: "Cover ending", PAYMENT_DUE: "Payment due" },
  status: { PENDING: "Waiting", SENT: "Sent", FAILED: "Failed" },
  filter: { kind: "Kind", status: "Status", month: "Month" },
  run: "Create reminders now",
  ran: "{{n}} new reminders created.",
  count: "{{total}} reminders",
  none: "No reminders match these filters.",
  field: {
    donor: "Donor",
    kind: "Kind",
    month: "Month",
    amount: "Amount",
    about: "About",
    status: "Status",
    sentAt: "Sent",
    lastError: "Why it failed",
    phone: "Phone",
  },
  about: {
    COVER_ENDING: "{{n}} sponsorships end {{months}}",
    PAYMENT_DUE: "{{n}} sponsorships with unpaid months",
  },
  amountOf: {
    COVER_ENDING: "{{amount}} a month",
    PAYMENT_DUE: "{{amount}} unpaid",
  },
  attempts: "{{n}} attempts",
  calls: {
    title: "Call the donor",
    intro:
      "Reminders not sent yet: donors without an e-mail, or mail that could not go out yet. Phone the donor.",
    none: "No donor needs a call.",
    noPhone: "No phone number",
    notMailed: "E-mail not sent yet",
    more: "Showing {{shown}} of {{total}}.",
  },
  donor: {
    title: "Reminders",
    none: "No reminders for this donor yet.",
  },
};
