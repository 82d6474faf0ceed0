// The demo's ~200 donors: partners that also give (PLKK, agents, the Pemkab, companies,
// BAZNAS, communities), village governments, other companies and zakat bodies, the civil
// servants of ASN Peduli, and individuals.

import { DonorKind, Gender } from "@sertakan/schema";
import {
  civilServantName,
  DONOR_COMMUNITIES,
  DONOR_COMPANIES,
  javaneseName,
  klatenLandline,
  mobilePhone,
  type OrgSpec,
  PARTNER_COMMUNITIES,
  PARTNER_COMPANIES,
  personalEmail,
  ZAKAT_INSTITUTIONS,
} from "./names";
import { DAY_MS, epochOfIsoDate } from "./prng";
import { npwp, type PlanContext, slug } from "./demo-context";
import type { DemoPartners } from "./demo-partners";
import type { DemoVillage } from "./demo-regions";
import type { DonorRow, PartnerRow } from "./demo-rows";
import { iso, WINDOW_START_MS } from "./demo-window";

export function planDonors(ctx: PlanContext, p: DemoPartners): DonorRow[] {
  const { prng, clock, districts, allVillages, districtOf, villageIn, desaIn } = ctx;
  const { plkk, agents, agentPeople, pemda, baznas, companies, communities } = p;
  const { donorPlkk, donorAgents } = p;
  const donors: DonorRow[] = [];
  const addDonor = (
    d: Omit<DonorRow, "id" | "updated_at" | "created_at"> & { createdMs: number },
  ): void => {
    const { createdMs, ...rest } = d;
    donors.push({
      id: prng.uuid(),
      ...rest,
      created_at: iso(createdMs),
      updated_at: iso(clock.updatedAfter(createdMs, 0.2)),
    });
  };
  const afterPartner = (p: PartnerRow): number =>
    clock.rampInstant(Date.parse(p.created_at) + DAY_MS);
  const regionOfPartner = (p: PartnerRow): string => p.region_code;
  const randomVillage = (): DemoVillage => prng.pick(allVillages);

  // Partner-linked donors.
  plkk.forEach((p, i) => {
    if (!donorPlkk.has(i)) return;
    addDonor({
      kind: DonorKind.PLKK,
      name: p.name,
      tax_id: npwp(prng),
      contact_name: civilServantName(prng, prng.chance(0.6) ? Gender.FEMALE : Gender.MALE),
      phone: p.phone,
      email: p.email,
      region_code: regionOfPartner(p),
      partner_id: p.id,
      createdMs: afterPartner(p),
    });
  });
  agents.forEach((a, i) => {
    if (!donorAgents.has(i)) return;
    addDonor({
      kind: DonorKind.AGENT,
      name: agentPeople[i],
      tax_id: null,
      contact_name: agentPeople[i],
      phone: a.phone,
      email: a.email,
      region_code: regionOfPartner(a),
      partner_id: a.id,
      createdMs: afterPartner(a),
    });
  });
  addDonor({
    kind: DonorKind.LOCAL_GOVERNMENT,
    name: "Pemerintah Kabupaten Klaten (APBD)",
    tax_id: npwp(prng),
    contact_name: civilServantName(prng, Gender.MALE),
    phone: pemda.phone,
    email: pemda.email,
    region_code: pemda.region_code,
    partner_id: pemda.id,
    createdMs: clock.rampInstant(epochOfIsoDate("2025-01-06"), epochOfIsoDate("2025-02-28")),
  });
  for (const d of prng.shuffled(districts).slice(0, 3)) {
    const village = desaIn(d);
    addDonor({
      kind: DonorKind.LOCAL_GOVERNMENT,
      name: `Pemerintah Desa ${village.name} (APBDes)`,
      tax_id: prng.chance(0.5) ? npwp(prng) : null,
      contact_name: civilServantName(prng, prng.chance(0.3) ? Gender.FEMALE : Gender.MALE),
      phone: mobilePhone(prng),
      email: `pemdes.${slug(village.name)}@example.com`,
      region_code: village.code,
      partner_id: null,
      createdMs: clock.rampInstant(epochOfIsoDate("2025-01-15")),
    });
  }
  const addOrgDonor = (
    kind: DonorKind,
    spec: OrgSpec,
    partner: PartnerRow | null,
    taxId: string | null,
  ): void => {
    const district = districtOf(spec.districtCode);
    const village = spec.name.includes("{village}")
      ? desaIn(district)
      : villageIn(district, spec.villageName);
    const name = spec.name.replace("{village}", village.name);
    addDonor({
      kind,
      name,
      tax_id: taxId,
      contact_name: javaneseName(prng, prng.chance(0.5) ? Gender.FEMALE : Gender.MALE, 1980),
      phone:
        partner?.phone ?? (kind === DonorKind.COMMUNITY ? mobilePhone(prng) : klatenLandline(prng)),
      email: partner?.email ?? (spec.domain ? `csr@${spec.domain}` : `${slug(name)}@example.com`),
      region_code: partner?.region_code ?? village.code,
      partner_id: partner?.id ?? null,
      createdMs: partner ? afterPartner(partner) : clock.rampInstant(WINDOW_START_MS),
    });
  };
  companies.forEach((c, i) => addOrgDonor(DonorKind.COMPANY, PARTNER_COMPANIES[i], c, npwp(prng)));
  for (const spec of DONOR_COMPANIES) addOrgDonor(DonorKind.COMPANY, spec, null, npwp(prng));
  addOrgDonor(DonorKind.ZAKAT_INSTITUTION, ZAKAT_INSTITUTIONS[0], baznas, npwp(prng));
  for (const spec of ZAKAT_INSTITUTIONS.slice(1))
    addOrgDonor(DonorKind.ZAKAT_INSTITUTION, spec, null, prng.chance(0.5) ? npwp(prng) : null);
  communities.forEach((c, i) => addOrgDonor(DonorKind.COMMUNITY, PARTNER_COMMUNITIES[i], c, null));
  for (const spec of DONOR_COMMUNITIES) addOrgDonor(DonorKind.COMMUNITY, spec, null, null);

  // ASN Peduli: the civil servants answered the January 2025 circular.
  for (let i = 0; i < 80; i++) {
    const name = civilServantName(prng, prng.chance(0.55) ? Gender.FEMALE : Gender.MALE);
    addDonor({
      kind: DonorKind.CIVIL_SERVANT,
      name,
      tax_id: null,
      contact_name: name,
      phone: mobilePhone(prng),
      email: prng.chance(0.6) ? personalEmail(prng, name) : null,
      region_code: randomVillage().code,
      partner_id: null,
      createdMs: clock.rampInstant(epochOfIsoDate("2025-01-22")),
    });
  }
  for (let i = 0; i < 70; i++) {
    const anonymous = i < 3; // "Hamba Allah" — the usual name of a donor who wants no credit
    const name = anonymous
      ? "Hamba Allah"
      : javaneseName(prng, prng.chance(0.5) ? Gender.FEMALE : Gender.MALE, prng.int(1960, 2000));
    addDonor({
      kind: DonorKind.INDIVIDUAL,
      name,
      tax_id: null,
      contact_name: anonymous ? null : name,
      phone: mobilePhone(prng),
      email: !anonymous && prng.chance(0.5) ? personalEmail(prng, name) : null,
      region_code: randomVillage().code,
      partner_id: null,
      createdMs: clock.rampInstant(WINDOW_START_MS),
    });
  }

  return donors;
}
