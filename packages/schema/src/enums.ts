// String enums whose values equal their keys, so the same names travel unchanged through
// GraphQL (contract/schema.graphql), Postgres enum columns and CSV exports.

export enum Gender {
  FEMALE = "FEMALE",
  MALE = "MALE",
}

export enum Occupation {
  FARMER = "FARMER",
  TRADER = "TRADER",
  LIVESTOCK_BREEDER = "LIVESTOCK_BREEDER",
  FISHER = "FISHER",
  HOUSEHOLD_HELPER = "HOUSEHOLD_HELPER",
  DRIVER = "DRIVER",
  LABOURER = "LABOURER",
  STREET_VENDOR = "STREET_VENDOR",
  CRAFTSPERSON = "CRAFTSPERSON",
  OTHER = "OTHER",
}

export enum CoverageStatus {
  UNCOVERED = "UNCOVERED",
  ACTIVE = "ACTIVE",
  ARREARS = "ARREARS",
  LAPSED = "LAPSED",
}

export enum ProgramPackage {
  JKK_JKM = "JKK_JKM",
  JKK_JKM_JHT = "JKK_JKM_JHT",
}

export enum DonorKind {
  INDIVIDUAL = "INDIVIDUAL",
  COMPANY = "COMPANY",
  LOCAL_GOVERNMENT = "LOCAL_GOVERNMENT",
  PLKK = "PLKK",
  AGENT = "AGENT",
  ZAKAT_INSTITUTION = "ZAKAT_INSTITUTION",
  COMMUNITY = "COMMUNITY",
  CIVIL_SERVANT = "CIVIL_SERVANT",
}

export enum PartnerKind {
  PLKK_HOSPITAL = "PLKK_HOSPITAL",
  PLKK_CLINIC = "PLKK_CLINIC",
  PLKK_PUSKESMAS = "PLKK_PUSKESMAS",
  COMPANY = "COMPANY",
  LOCAL_GOVERNMENT = "LOCAL_GOVERNMENT",
  PERISAI_AGENT = "PERISAI_AGENT",
  ZAKAT_INSTITUTION = "ZAKAT_INSTITUTION",
  COMMUNITY = "COMMUNITY",
}

export enum EngagementKind {
  SOCIALISATION = "SOCIALISATION",
  MONITORING_EVALUATION = "MONITORING_EVALUATION",
  TRAINING = "TRAINING",
  OTHER = "OTHER",
}

export enum SponsorshipStatus {
  PLEDGED = "PLEDGED",
  ACTIVE = "ACTIVE",
  COMPLETED = "COMPLETED",
  CANCELLED = "CANCELLED",
}

export enum ContributionStatus {
  DUE = "DUE",
  PAID = "PAID",
  CANCELLED = "CANCELLED",
}

export enum Role {
  ADMIN = "ADMIN",
  OFFICER = "OFFICER",
  VIEWER = "VIEWER",
}

export enum RegionLevel {
  PROVINCE = "PROVINCE",
  REGENCY = "REGENCY",
  DISTRICT = "DISTRICT",
  VILLAGE = "VILLAGE",
}

export enum SortDirection {
  ASC = "ASC",
  DESC = "DESC",
}

/** How a work accident happened (JKK stage-I report). */
export enum AccidentCause {
  AT_WORK = "AT_WORK",
  ON_THE_WAY = "ON_THE_WAY",
  OCCUPATIONAL_DISEASE = "OCCUPATIONAL_DISEASE",
  OTHER = "OTHER",
}

/** Whether a paid month covered the accident day. */
export enum AccidentReportStatus {
  ACCEPTED = "ACCEPTED",
  NOT_COVERED = "NOT_COVERED",
}
