// Texts of the renewals page, "Akan berakhir" (Bahasa Indonesia first; English keeps exactly
// these keys, which the type enforces).
export const renewalsId = {
  nav: "Perpanjangan",
  title: "Akan berakhir",
  intro:
    "Penanggungan aktif yang berakhir bulan ini atau bulan depan dan belum diperpanjang. Perpanjangan memakai donatur, pekerja, paket dan penghasilan yang sama, mulai bulan setelah berakhir, dengan tarif hari ini.",
  forDonor: "Hanya penanggungan donatur {{donor}}",
  allDonors: "Tampilkan semua donatur",
  count: "{{total}} penanggungan akan berakhir",
  more: "Menampilkan {{shown}} dari {{total}}. Persempit wilayah untuk melihat sisanya.",
  none: "Tidak ada penanggungan aktif yang berakhir bulan ini atau bulan depan.",
  selectAll: "Pilih semua penanggungan",
  select: "Pilih penanggungan {{name}}",
  selected: "{{n}} dipilih",
  endMonth: "Berakhir",
  renewFrom: "Diperpanjang mulai",
  months: "Lama perpanjangan (bulan)",
  monthsHint: "1 sampai 24 bulan",
  quoteLine: "{{n}} × {{package}} × {{monthly}} × {{months}} bulan = {{total}}",
  quoteTotal: "Jumlah: {{total}}",
  renew: "Perpanjang",
  confirmTitle: "Perpanjang penanggungan",
  confirmBody:
    "{{n}} penanggungan diperpanjang {{months}} bulan dengan total {{total}}. Iuran baru tercatat sebagai tagihan donatur; saldo donatur langsung dipakai bila ada.",
  confirm: "Ya, perpanjang",
  done: "{{n}} penanggungan diperpanjang.",
  fromDonor: "Perpanjang semua yang akan berakhir",
};

export const renewalsEn: typeof renewalsId = {
  nav: "Renewals",
  title: "Ending soon",
  intro:
    "Active sponsorships that end this month or next and are not renewed yet. A renewal keeps the donor, worker, package and income, starts the month after the end, and is priced at today's rates.",
  forDonor: "Only sponsorships of {{donor}}",
  allDonors: "Show every donor",
  count: "{{total}} sponsorships ending soon",
  more: "Showing {{shown}} of {{total}}. Narrow the region to see the rest.",
  none: "No active sponsorship ends this month or next.",
  selectAll: "Select every sponsorship",
  select: "Select the sponsorship of {{name}}",
  selected: "{{n}} selected",
  endMonth: "Ends",
  renewFrom: "Renewed from",
  months: "Renew for (months)",
  monthsHint: "1 to 24 months",
  quoteLine: "{{n}} × {{package}} × {{monthly}} × {{months}} months = {{total}}",
  quoteTotal: "Total: {{total}}",
  renew: "Renew",
  confirmTitle: "Renew sponsorships",
  confirmBody:
    "{{n}} sponsorships are renewed for {{months}} months, {{total}} in all. The new months are due from the donors; a donor's credit pays them at once.",
  confirm: "Yes, renew",
  done: "{{n}} sponsorships renewed.",
  fromDonor: "Renew everything ending soon",
};
