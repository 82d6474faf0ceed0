// Pure tests of the demo seed's randomness: no database.
import {
  buildNik,
  checkNikAgrees,
  DonorKind,
  EngagementKind,
  Gender,
  parseNik,
  PartnerKind,
} from "@sertakan/schema";
import { ARTICLE_MONEV_DATE } from "./demo-engagements";
import { planDemo } from "./demo-plan";
import type { DemoRegions } from "./demo-regions";
import { DEMO_ANCHOR } from "./demo-window";
import { mulberry32, Prng, UniqueInstants, WeightedTable } from "./prng";

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const anchor = new Date(DEMO_ANCHOR);

/** Klaten-shaped regions without the database: 26 districts × 15 villages + neighbours. */
function fakeRegions(): DemoRegions {
  const districts = Array.from({ length: 26 }, (_, d) => {
    const code = `33.10.${String(d + 1).padStart(2, "0")}`;
    return {
      code,
      name: `Kecamatan ${d + 1}`,
      villages: Array.from({ length: 15 }, (_, v) => ({
        code: `${code}.${v < 2 ? 1 : 2}${String(v + 1).padStart(3, "0")}`,
        name: `Desa ${d + 1}-${v + 1}`,
        districtCode: code,
      })),
    };
  });
  const neighbourDistrictCodes = [
    ...Array.from({ length: 22 }, (_, i) => `33.09.${String(i + 1).padStart(2, "0")}`),
    ...Array.from({ length: 12 }, (_, i) => `33.11.${String(i + 1).padStart(2, "0")}`),
  ];
  return { districts, neighbourDistrictCodes };
}

describe("mulberry32 / Prng", () => {
  it("gives the same sequence for the same seed and another for another seed", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const seqA = Array.from({ length: 100 }, () => a());
    const seqB = Array.from({ length: 100 }, () => b());
    const seqC = Array.from({ length: 100 }, () => c());
    expect(seqA).toEqual(seqB);
    expect(seqA).not.toEqual(seqC);
    for (const x of seqA) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });

  it("pins the first outputs of seed 20240521 (a change here changes every demo row)", () => {
    const p = new Prng(20240521);
    expect([p.uint32(), p.uint32(), p.uint32()]).toEqual([438655742, 645442667, 4052693471]);
    expect(new Prng(20240521).uuid()).toBe("1a255afe-2678-4c6b-b18f-31df5279d6a6");
  });

  it("makes deterministic, distinct, v4-shaped uuids", () => {
    const a = new Prng(7);
    const b = new Prng(7);
    const uuids = Array.from({ length: 10_000 }, () => a.uuid());
    expect(Array.from({ length: 10_000 }, () => b.uuid())).toEqual(uuids);
    expect(new Set(uuids).size).toBe(uuids.length);
    for (const u of uuids.slice(0, 500)) expect(u).toMatch(UUID_V4);
    expect(new Prng(8).uuid()).not.toBe(uuids[0]);
  });

  it("keeps int() inside its bounds and digits() at its length", () => {
    const p = new Prng(1);
    for (let i = 0; i < 1000; i++) {
      const n = p.int(3, 5);
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(5);
      expect(p.digits(11)).toMatch(/^\d{11}$/);
    }
  });

  it("never draws a zero-weight entry", () => {
    const p = new Prng(3);
    const table = new WeightedTable([
      ["a", 1],
      ["never", 0],
      ["b", 3],
    ] as const);
    const seen = new Set(Array.from({ length: 2000 }, () => table.draw(p)));
    expect(seen).toEqual(new Set(["a", "b"]));
  });

  it("hands out distinct instants even in a crowded window", () => {
    const instants = new UniqueInstants(new Prng(5), 0, 1000);
    const got = Array.from({ length: 1000 }, () => instants.between());
    expect(new Set(got).size).toBe(1000);
    expect(() => instants.between()).toThrow(/exhausted/);
  });
});

describe("NIKs from seeded parts", () => {
  it("parse back to the intended gender and birth date", () => {
    const p = new Prng(99);
    for (let i = 0; i < 2000; i++) {
      const gender = p.chance(0.5) ? Gender.FEMALE : Gender.MALE;
      const year = p.int(1961, 2006);
      const month = p.int(1, 12);
      const day = p.int(1, 28);
      const birthDate = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
      const districtCode = `33.10.${String(p.int(1, 26)).padStart(2, "0")}`;
      const serial = p.int(1, 9999);
      const nik = buildNik({ districtCode, birthDate, gender, serial });
      const info = parseNik(nik, { asOf: anchor });
      expect(info).toMatchObject({
        districtCode,
        gender,
        birthDate,
        serial: String(serial).padStart(4, "0"),
      });
    }
  });
});

describe("planDemo", () => {
  const regions = fakeRegions();
  const plan = planDemo(regions, { workers: 3000, seed: 20240521 });

  it("is deterministic: same seed, same rows (uuids and timestamps included)", () => {
    expect(planDemo(regions, { workers: 3000, seed: 20240521 })).toEqual(plan);
    const other = planDemo(regions, { workers: 3000, seed: 1 });
    expect(other.workers[0].id).not.toBe(plan.workers[0].id);
  });

  it("gives workers valid, unique NIKs agreeing with gender and birth date", () => {
    expect(plan.workers).toHaveLength(3000);
    const niks = new Set<string>();
    const villages = new Set(regions.districts.flatMap((d) => d.villages.map((v) => v.code)));
    const known = new Set([
      ...regions.districts.map((d) => d.code),
      ...regions.neighbourDistrictCodes,
    ]);
    let foreignNik = 0;
    for (const w of plan.workers) {
      const info = parseNik(w.nik, { asOf: anchor, districtExists: (c) => known.has(c) });
      expect(info.gender).toBe(w.gender);
      expect(info.birthDate).toBe(w.birth_date);
      checkNikAgrees(info, { gender: w.gender, birthDate: w.birth_date });
      niks.add(w.nik);
      if (!info.districtCode.startsWith("33.10.")) foreignNik++;
      expect(villages.has(w.village_code)).toBe(true);
      expect(w.district_code).toBe(w.village_code.slice(0, 8));
      expect(w.regency_code).toBe("33.10");
      expect(w.province_code).toBe("33");
      const age = anchor.getUTCFullYear() - Number(w.birth_date.slice(0, 4));
      expect(age).toBeGreaterThanOrEqual(18);
      expect(age).toBeLessThanOrEqual(65);
      if (w.phone !== null) expect(w.phone).toMatch(/^08\d{9,11}$/);
      if (w.membership_number !== null) expect(w.membership_number).toMatch(/^\d{11}$/);
    }
    expect(niks.size).toBe(plan.workers.length);
    expect(foreignNik / plan.workers.length).toBeGreaterThan(0.06);
    expect(foreignNik / plan.workers.length).toBeLessThan(0.14);
    expect(new Set(plan.workers.map((w) => w.gender))).toEqual(
      new Set([Gender.FEMALE, Gender.MALE]),
    );
    const kpj = plan.workers.map((w) => w.membership_number).filter((k) => k !== null);
    expect(new Set(kpj).size).toBe(kpj.length);
  });

  it("never repeats a timestamp and stays before the anchor", () => {
    const all = [...plan.partners, ...plan.engagements, ...plan.donors, ...plan.workers].map(
      (r) => r.created_at,
    );
    expect(new Set(all).size).toBe(all.length);
    const anchorMs = anchor.getTime();
    for (const t of all) {
      expect(Date.parse(t)).toBeLessThan(anchorMs);
      expect(Date.parse(t)).toBeGreaterThanOrEqual(anchorMs - 730 * 86_400_000);
    }
    const sorted = plan.workers.map((w) => w.created_at);
    expect([...sorted].sort()).toEqual(sorted);
  });

  it("links recruiters, partner donors and engagements to existing partners", () => {
    const partners = new Map(plan.partners.map((p) => [p.id, p]));
    const agentIds = new Set(
      plan.partners.filter((p) => p.kind === PartnerKind.PERISAI_AGENT).map((p) => p.id),
    );
    const recruited = plan.workers.filter((w) => w.recruited_by_id !== null);
    expect(recruited.length / plan.workers.length).toBeGreaterThan(0.1);
    for (const w of recruited) {
      expect(agentIds.has(w.recruited_by_id!)).toBe(true);
      expect(Date.parse(partners.get(w.recruited_by_id!)!.created_at)).toBeLessThan(
        Date.parse(w.created_at),
      );
    }
    for (const e of plan.engagements) expect(partners.has(e.partner_id)).toBe(true);
    const linked = plan.donors.filter((d) => d.partner_id !== null).map((d) => d.partner_id);
    expect(new Set(linked).size).toBe(linked.length);
    for (const d of plan.donors.filter(
      (x) => x.kind === DonorKind.PLKK || x.kind === DonorKind.AGENT,
    )) {
      expect(d.partner_id).not.toBeNull();
    }
  });

  it("covers every donor kind, the 16 PLKK and the article's monev", () => {
    expect(new Set(plan.donors.map((d) => d.kind))).toEqual(new Set(Object.values(DonorKind)));
    expect(plan.donors.length).toBeGreaterThanOrEqual(180);
    const plkk = plan.partners.filter((p) => p.kind.startsWith("PLKK_"));
    expect(plkk).toHaveLength(16);
    const monev = plan.engagements.filter(
      (e) => e.kind === EngagementKind.MONITORING_EVALUATION && e.date === ARTICLE_MONEV_DATE,
    );
    expect(new Set(monev.map((e) => e.partner_id))).toEqual(new Set(plkk.map((p) => p.id)));
    expect(plan.engagements.length).toBeGreaterThanOrEqual(40);
    expect(plan.engagements.length).toBeLessThanOrEqual(60);
    for (const d of plan.donors.filter((x) => x.kind === DonorKind.COMPANY))
      expect(d.tax_id).toMatch(/^\d{15,16}$/);
  });
});
