import { registerEnumType } from "type-graphql";
import {
  AccidentCause,
  AccidentReportStatus,
  BankMatch,
  BankRowOutcome,
  ContributionStatus,
  CoverageStatus,
  DonorKind,
  EngagementKind,
  Gender,
  Occupation,
  PartnerKind,
  ProgramPackage,
  RegionLevel,
  ReminderKind,
  ReminderStatus,
  Role,
  SortDirection,
  SponsorshipStatus,
} from "@sertakan/schema";

// The domain's enums, exposed under the contract's names.
registerEnumType(SortDirection, {
  name: "SortDirection",
  description: "Sort order.",
  valuesConfig: {
    ASC: { description: "Smallest, earliest or A first." },
    DESC: { description: "Largest, latest or Z first." },
  },
});
registerEnumType(RegionLevel, {
  name: "RegionLevel",
  description: "Level of a Kemendagri region code.",
  valuesConfig: {
    PROVINCE: { description: "Provinsi, e.g. 33 Jawa Tengah." },
    REGENCY: { description: "Kabupaten or kota, e.g. 33.10 Kabupaten Klaten." },
    DISTRICT: { description: "Kecamatan, e.g. 33.10.01 Prambanan." },
    VILLAGE: { description: "Desa (code 2…) or kelurahan (code 1…), e.g. 33.10.01.2001." },
  },
});
registerEnumType(Gender, {
  name: "Gender",
  description: "As the NIK records it: women's birth day is written plus 40.",
  valuesConfig: { FEMALE: { description: "Female." }, MALE: { description: "Male." } },
});
registerEnumType(Occupation, {
  name: "Occupation",
  description: "What an informal (BPU) worker does for a living.",
  valuesConfig: {
    FARMER: { description: "Farmer (petani)." },
    TRADER: { description: "Trader (pedagang)." },
    LIVESTOCK_BREEDER: { description: "Livestock breeder (peternak)." },
    FISHER: { description: "Fisher (nelayan)." },
    HOUSEHOLD_HELPER: { description: "Household helper (asisten rumah tangga)." },
    DRIVER: { description: "Driver, e.g. ojek or delivery." },
    LABOURER: { description: "Day labourer (buruh)." },
    STREET_VENDOR: { description: "Street vendor (pedagang kaki lima)." },
    CRAFTSPERSON: { description: "Craftsperson (perajin)." },
    OTHER: { description: "Any other informal work." },
  },
});
registerEnumType(CoverageStatus, {
  name: "CoverageStatus",
  description:
    "Coverage of a worker in a given month: ACTIVE = that month is paid; ARREARS = 1 to 3 months since the last paid month; LAPSED = more than 3; UNCOVERED = never paid.",
  valuesConfig: {
    UNCOVERED: { description: "No month paid up to then." },
    ACTIVE: { description: "The month is paid." },
    ARREARS: { description: "The last paid month is 1 to 3 months earlier." },
    LAPSED: { description: "More than 3 months since the last paid month (nonaktif)." },
  },
});
registerEnumType(ProgramPackage, {
  name: "ProgramPackage",
  description: "The BPJS Ketenagakerjaan benefits a contribution pays for; JKK+JKM is the minimum.",
  valuesConfig: {
    JKK_JKM: {
      description:
        "Work accident (1% of income) + death (Rp6,800): Rp16,800 a month at the minimum.",
    },
    JKK_JKM_JHT: {
      description: "JKK_JKM + old-age savings (2% of income): Rp36,800 a month at the minimum.",
    },
  },
});
registerEnumType(DonorKind, {
  name: "DonorKind",
  description: "Who a donor is.",
  valuesConfig: {
    INDIVIDUAL: { description: "A private person." },
    COMPANY: { description: "A company, e.g. from its CSR budget." },
    LOCAL_GOVERNMENT: { description: "A regional government budget (APBD)." },
    PLKK: { description: "A PLKK accident-care facility." },
    AGENT: { description: "A Perisai enrolment agent." },
    ZAKAT_INSTITUTION: {
      description: "BAZNAS or a LAZ; zakat may pay only for eligible mustahik.",
    },
    COMMUNITY: { description: "A community group." },
    CIVIL_SERVANT: { description: "A civil servant (ASN peduli)." },
  },
});
registerEnumType(PartnerKind, {
  name: "PartnerKind",
  description: "What kind of partner (mitra) an organisation is.",
  valuesConfig: {
    PLKK_HOSPITAL: { description: "Hospital contracted to treat work accidents (PLKK)." },
    PLKK_CLINIC: { description: "Clinic contracted to treat work accidents (PLKK)." },
    PLKK_PUSKESMAS: { description: "Community health centre contracted as a PLKK." },
    COMPANY: { description: "A company." },
    LOCAL_GOVERNMENT: { description: "Local government (Pemda)." },
    PERISAI_AGENT: { description: "Perisai enrolment agent, who recruits workers." },
    ZAKAT_INSTITUTION: { description: "BAZNAS or a LAZ." },
    COMMUNITY: { description: "A community group." },
  },
});
registerEnumType(EngagementKind, {
  name: "EngagementKind",
  description: "What a meeting or activity with a partner was.",
  valuesConfig: {
    SOCIALISATION: { description: "Socialisation: explaining the programme." },
    MONITORING_EVALUATION: { description: "Monitoring and evaluation (monev)." },
    TRAINING: { description: "Training." },
    OTHER: { description: "Anything else." },
  },
});
registerEnumType(SponsorshipStatus, {
  name: "SponsorshipStatus",
  description:
    "PLEDGED: no month paid yet; ACTIVE: some paid, months remain; COMPLETED: every month paid and past; CANCELLED.",
  valuesConfig: {
    PLEDGED: { description: "No month paid yet." },
    ACTIVE: { description: "Some months paid, months remain." },
    COMPLETED: { description: "Every month paid and past." },
    CANCELLED: { description: "Cancelled; its unpaid months were dropped." },
  },
});
registerEnumType(ContributionStatus, {
  name: "ContributionStatus",
  description: "Where one worker-month's contribution stands.",
  valuesConfig: {
    DUE: { description: "Pledged, not yet paid." },
    PAID: { description: "Paid in full." },
    CANCELLED: { description: "Dropped when its sponsorship was cancelled." },
  },
});
registerEnumType(Role, {
  name: "Role",
  description: "What a user or API key may do, inside its region scope.",
  valuesConfig: {
    ADMIN: {
      description: "Reads and changes everything; national admins also manage users and keys.",
    },
    OFFICER: {
      description:
        "Branch officer: reads and changes workers, donors, partners, pledges and payments.",
    },
    VIEWER: { description: "Reads only; NIK masked, no phone or birth date." },
  },
});
registerEnumType(AccidentCause, {
  name: "AccidentCause",
  description: "How a work accident happened (JKK stage-I report).",
  valuesConfig: {
    AT_WORK: { description: "While working." },
    ON_THE_WAY: { description: "On the way to or from work." },
    OCCUPATIONAL_DISEASE: { description: "A disease caused by the work." },
    OTHER: { description: "Any other cause." },
  },
});
registerEnumType(AccidentReportStatus, {
  name: "AccidentReportStatus",
  description: "Whether a paid month covered the accident day.",
  valuesConfig: {
    ACCEPTED: {
      description: "A paid contribution month covers the accident day (Asia/Jakarta): JKK applies.",
    },
    NOT_COVERED: {
      description:
        "No paid month covers the accident day. The report is kept, so the branch sees who fell through.",
    },
  },
});
registerEnumType(BankMatch, {
  name: "BankMatch",
  description: "How a bank-file row found its donor.",
  valuesConfig: {
    DONOR_NUMBER: { description: "The row's donor number is the donor's accountNumber." },
    REFERENCE_PREFIX: {
      description:
        "The reference starts with the donor's accountNumber, followed by a character other than a letter or digit, or by nothing; the longest such number wins.",
    },
    PICKED: { description: "The officer picked the donor." },
    NONE: { description: "No donor: left for the officer to pick." },
  },
});
registerEnumType(BankRowOutcome, {
  name: "BankRowOutcome",
  description: "What became of a bank-file row.",
  valuesConfig: {
    RECORDED: { description: "A new payment was recorded." },
    READY: { description: "Dry run: the row would be recorded." },
    ALREADY_RECORDED: {
      description: "The donor already has a payment with this reference and amount; nothing new.",
    },
    UNMATCHED: { description: "No donor found and none picked." },
    ERROR: { description: "Refused; see error." },
  },
});
registerEnumType(ReminderKind, {
  name: "ReminderKind",
  description: "Why a donor is reminded.",
  valuesConfig: {
    COVER_ENDING: {
      description: "Some of the donor's sponsorships end this month or next and are not renewed.",
    },
    PAYMENT_DUE: {
      description:
        "The donor has DUE months in the current month or earlier that credit does not pay.",
    },
  },
});
registerEnumType(ReminderStatus, {
  name: "ReminderStatus",
  description: "Where a reminder's delivery stands.",
  valuesConfig: {
    PENDING: {
      description:
        "Waiting to be sent, or kept for a phone call when the donor has no e-mail or no mail server is configured.",
    },
    SENT: { description: "The mail server accepted the e-mail." },
    FAILED: { description: "Gave up after the last retry; lastError says why." },
  },
});
