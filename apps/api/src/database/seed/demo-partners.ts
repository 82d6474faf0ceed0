// The demo's partners: the 16 PLKK, ten Perisai agents in two cohorts, the Pemkab, BAZNAS,
// CSR companies and community groups — and which of them also become donors.

import { Gender, PartnerKind } from "@sertakan/schema";
import {
  javaneseName,
  klatenLandline,
  mobilePhone,
  type OrgSpec,
  PARTNER_COMMUNITIES,
  PARTNER_COMPANIES,
  personalEmail,
  PLKK,
  ZAKAT_INSTITUTIONS,
} from "./names";
import { addDays, DAY_MS, epochOfIsoDate } from "./prng";
import { type PlanContext, slug } from "./demo-context";
import type { PartnerRow } from "./demo-rows";
import { iso, WINDOW_START_MS } from "./demo-window";

/** The partner rows plus the handles the later sections (engagements, donors, workers) need. */
export type DemoPartners = {
  partners: PartnerRow[];
  /** Partner id → code of the district it works in. */
  partnerDistrict: Map<string, string>;
  plkk: PartnerRow[];
  agents: PartnerRow[];
  /** Training cohort (1 or 2) of each agent, by index. */
  agentCohort: number[];
  /** The person behind each agent, by index. */
  agentPeople: string[];
  pemda: PartnerRow;
  baznas: PartnerRow;
  companies: PartnerRow[];
  communities: PartnerRow[];
  /** Indexes into plkk / agents of those that also give. */
  donorPlkk: Set<number>;
  donorAgents: Set<number>;
};

export function planPartners(ctx: PlanContext): DemoPartners {
  const { prng, clock, districts, districtOf, villageIn, addressOf, windowEarly } = ctx;
  const partners: PartnerRow[] = [];
  const partnerDistrict = new Map<string, string>();
  const addPartner = (
    p: Omit<PartnerRow, "id" | "updated_at"> & { districtCode: string },
  ): PartnerRow => {
    const createdMs = Date.parse(p.created_at);
    const { districtCode, ...rest } = p;
    const row: PartnerRow = {
      id: prng.uuid(),
      ...rest,
      updated_at: iso(clock.updatedAfter(createdMs, 0.3)),
    };
    partners.push(row);
    partnerDistrict.set(row.id, districtCode);
    return row;
  };

  // The 16 PLKK: agreements signed early 2024, three years.
  const plkk: PartnerRow[] = PLKK.map((spec, i) => {
    const district = districtOf(spec.districtCode);
    const village = villageIn(district, spec.villageName);
    const start = addDays("2024-01-02", prng.int(0, 110));
    const street =
      spec.street ??
      (spec.kind === PartnerKind.PLKK_PUSKESMAS
        ? `Jl. Raya ${district.name} No. ${prng.int(1, 120)}`
        : undefined);
    return addPartner({
      kind: spec.kind,
      name: spec.name,
      region_code: village.code,
      districtCode: district.code,
      address: addressOf(village, district, street),
      phone: klatenLandline(prng),
      email: `${slug(spec.name)}@example.com`,
      agreement_number: `PKS.${String(i + 1).padStart(3, "0")}/KC-KLT/PLKK/${start.slice(0, 4)}`,
      agreement_start: start,
      agreement_end: addDays(start, 3 * 365),
      active: true,
      created_at: iso(windowEarly(30)),
    });
  });

  // Perisai agents: cohort I trained August 2024, cohort II February 2025.
  const agents: PartnerRow[] = [];
  const agentCohort: number[] = [];
  const agentPeople: string[] = [];
  const agentDistricts = prng.shuffled(districts).slice(0, Math.min(10, districts.length));
  for (let i = 0; i < 10; i++) {
    const district = agentDistricts[i % agentDistricts.length];
    const village = villageIn(district);
    const gender = prng.chance(0.6) ? Gender.FEMALE : Gender.MALE;
    const person = javaneseName(prng, gender, prng.int(1975, 1998));
    const cohort = i < 5 ? 1 : 2;
    const start =
      cohort === 1
        ? addDays("2024-07-01", prng.int(0, 40))
        : addDays("2025-01-06", prng.int(0, 25));
    const created =
      cohort === 1
        ? windowEarly(30)
        : clock.rampInstant(epochOfIsoDate(start), epochOfIsoDate("2025-02-10"));
    // One cohort-I agent stopped after a year.
    const stopped = i === 3;
    agents.push(
      addPartner({
        kind: PartnerKind.PERISAI_AGENT,
        name: `${person} (Agen Perisai ${district.name})`,
        region_code: village.code,
        districtCode: district.code,
        address: addressOf(
          village,
          district,
          `Dukuh ${prng.pick(["Krajan", "Ngasem", "Gondang", "Sidorejo", "Karangasem", "Jetis", "Ngemplak"])} RT ${String(prng.int(1, 6)).padStart(2, "0")}/RW ${String(prng.int(1, 8)).padStart(2, "0")}`,
        ),
        phone: mobilePhone(prng),
        email: personalEmail(prng, person),
        agreement_number: `PERISAI/KC-KLT/${start.slice(0, 4)}/${String(i + 1).padStart(4, "0")}`,
        agreement_start: start,
        agreement_end: stopped ? "2025-07-31" : addDays(start, 3 * 365),
        active: !stopped,
        created_at: iso(created),
      }),
    );
    agentCohort.push(cohort);
    agentPeople.push(person);
  }

  const townDistrict = districtOf("33.10.25");
  const pemda = addPartner({
    kind: PartnerKind.LOCAL_GOVERNMENT,
    name: "Pemerintah Kabupaten Klaten",
    region_code: townDistrict.code,
    districtCode: townDistrict.code,
    address: "Jl. Pemuda No. 294, Kabupaten Klaten",
    phone: klatenLandline(prng),
    email: "sertakan.pemkab.klaten@example.com",
    agreement_number: `NK.${prng.int(100, 999)}/KC-KLT/PEMDA/2024`,
    agreement_start: "2024-08-15",
    agreement_end: "2027-08-14",
    active: true,
    created_at: iso(windowEarly(30)),
  });

  const orgPartner = (
    kind: PartnerKind,
    spec: OrgSpec,
    agreementFrom: string | null,
    villageLevel: boolean,
  ): PartnerRow => {
    const district = districtOf(spec.districtCode);
    const village = villageIn(district, spec.villageName);
    const start = agreementFrom ? addDays(agreementFrom, prng.int(0, 30)) : null;
    return addPartner({
      kind,
      name: spec.name,
      region_code: villageLevel ? village.code : district.code,
      districtCode: district.code,
      address: addressOf(
        village,
        district,
        spec.street ? `${spec.street} No. ${prng.int(1, 200)}` : undefined,
      ),
      phone: kind === PartnerKind.COMMUNITY ? mobilePhone(prng) : klatenLandline(prng),
      email: spec.domain ? `csr@${spec.domain}` : `${slug(spec.name)}@example.com`,
      agreement_number: start
        ? `PKS.${prng.int(100, 999)}/KC-KLT/${kind === PartnerKind.COMPANY ? "CSR" : "ZIS"}/${start.slice(0, 4)}`
        : null,
      agreement_start: start,
      agreement_end: start ? addDays(start, 3 * 365) : null,
      active: true,
      created_at: iso(
        kind === PartnerKind.COMPANY
          ? clock.rampInstant(WINDOW_START_MS + 60 * DAY_MS, WINDOW_START_MS + 300 * DAY_MS)
          : windowEarly(45),
      ),
    });
  };
  const baznas = orgPartner(
    PartnerKind.ZAKAT_INSTITUTION,
    ZAKAT_INSTITUTIONS[0],
    "2024-07-15",
    false,
  );
  const companies = PARTNER_COMPANIES.map((c) =>
    orgPartner(PartnerKind.COMPANY, c, "2025-03-03", true),
  );
  const communities = PARTNER_COMMUNITIES.map((c) =>
    orgPartner(PartnerKind.COMMUNITY, c, null, true),
  );

  // Which PLKK and agents also give (decided now so the monev notes can say so).
  const donorPlkk = new Set(prng.shuffled(plkk.map((_, i) => i)).slice(0, 10));
  const donorAgents = new Set(prng.shuffled(agents.map((_, i) => i)).slice(0, 6));

  return {
    partners,
    partnerDistrict,
    plkk,
    agents,
    agentCohort,
    agentPeople,
    pemda,
    baznas,
    companies,
    communities,
    donorPlkk,
    donorAgents,
  };
}
