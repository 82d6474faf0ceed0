import { registerEnumType } from "type-graphql";
import {
  ContributionStatus,
  CoverageStatus,
  DonorKind,
  EngagementKind,
  Gender,
  Occupation,
  PartnerKind,
  ProgramPackage,
  RegionLevel,
  Role,
  SortDirection,
  SponsorshipStatus,
} from "@sertakan/schema";

// The domain's enums, exposed under the contract's names.
registerEnumType(SortDirection, { name: "SortDirection" });
registerEnumType(RegionLevel, { name: "RegionLevel" });
registerEnumType(Gender, { name: "Gender" });
registerEnumType(Occupation, { name: "Occupation" });
registerEnumType(CoverageStatus, {
  name: "CoverageStatus",
  description:
    "Coverage of a worker in a given month: ACTIVE = that month is paid; ARREARS = 1 to 3 months since the last paid month; LAPSED = more than 3; UNCOVERED = never paid.",
});
registerEnumType(ProgramPackage, { name: "ProgramPackage" });
registerEnumType(DonorKind, { name: "DonorKind" });
registerEnumType(PartnerKind, { name: "PartnerKind" });
registerEnumType(EngagementKind, { name: "EngagementKind" });
registerEnumType(SponsorshipStatus, {
  name: "SponsorshipStatus",
  description:
    "PLEDGED: no month paid yet; ACTIVE: some paid, months remain; COMPLETED: every month paid and past; CANCELLED.",
});
registerEnumType(ContributionStatus, { name: "ContributionStatus" });
registerEnumType(Role, { name: "Role" });
