// Random but reproducible selections for `npm run bench` (tools/bench/src/shapes-bench.mjs):
// for one root list (workers, donors, sponsorships) it draws fields, nested objects and lists,
// root arguments and the connection's parts from a fixed seed, and writes each shape twice —
// as our schema asks it and as PostGraphile 5 (amber preset, same database) asks the same.
// Only what both APIs can express is drawn. PostGraphile's names were read from its
// introspection over the bench database; amber offers conditions and orderings only on
// indexed columns, so there is no occupation or donor-kind filter and no start-month order.
// No dependencies: the bench imports it from apps/api/dist.

export type ShapeRoot = "workers" | "donors" | "sponsorships";

/** Values the arguments are drawn from, sampled from the bench database. */
export type ShapeFixtures = {
  districtCodes: string[];
  villageCodes: string[];
  donorIds: string[];
  /** Workers that have sponsorships, for sponsorships(filter: { workerId }). */
  workerIds: string[];
};

/** The seed `npm run bench` draws with, and the tests ask the same shapes of both paths. */
export const SHAPE_SEED = 17;

/** How each fixture is read from a database: the bench's and the tests' (one column each). */
export const SHAPE_FIXTURE_SQL: Record<keyof ShapeFixtures, string> = {
  districtCodes: `SELECT code FROM region WHERE level = 'DISTRICT' AND parent_code = '33.10' ORDER BY code`,
  villageCodes: `SELECT code FROM region WHERE level = 'VILLAGE' AND code LIKE '33.10.%' ORDER BY code`,
  donorIds: `SELECT id FROM donor ORDER BY id LIMIT 50`,
  workerIds: `SELECT DISTINCT worker_id FROM sponsorship ORDER BY 1 LIMIT 50`,
};

export type QueryShape = {
  name: string;
  /** Arguments and nested paths, for the report. */
  summary: string;
  ours: string;
  postgraphile: string;
};

type TypeName =
  "Worker" | "Region" | "Partner" | "Donor" | "Sponsorship" | "Contribution" | "Payment";

/**
 * What our API accepts (server.ts: graphql-armor's costLimit, defaults otherwise). Its
 * estimate: a scalar costs 1, a field with a selection 2 + 1.5 × its children's costs, all
 * of it times the field's `first`. Shapes are drawn within it, as a real client must be.
 */
export const COST_LIMIT = 20_000;
const objectCost = (children: number, first = 1) => (2 + 1.5 * children) * first;

/** A scalar field; `pg` is PostGraphile's spelling (a stand-in when the names differ). */
type Leaf = { ours: string; pg?: string; cost?: number };
/**
 * A nested object or list. `pg` is PostGraphile's field with its arguments; "list" is a
 * plain list for us and a connection's nodes there, "page" a connection on both sides.
 * `back` is the link on the target that leads back here: never drawn (it repeats the parent).
 */
type Link = {
  ours: string;
  to: TypeName;
  pg: string;
  list?: "list" | "page";
  back?: string;
  /** Scales the depth's odds: links that are mostly null are drawn less often. */
  weight?: number;
};

// Stand-ins for what PostGraphile cannot compute; each costs it a comparable read.
// - Worker.coverageStatus (derived from paid months) ↔ coveredThrough, the last paid month.
// - Sponsorship.status/total/paid (sums over its contributions) ↔ one count of its
//   contributions, aliased `progress` (ours reads all three in one batch, so does this).
// - Donor.summary (sums over the donor's contributions and payments) ↔ a count of its contributions.
// - Payment.allocated/unallocated (sums of its allocations) ↔ a count of its allocations.
// - Sponsorship.monthlyContribution ↔ the column monthlyAmount (same value, other name).
// - ids: PostGraphile's `id` is its node id (the row's uuid, encoded), as in Q1.
const PROGRESS = "progress: contributionsBySponsorshipId { totalCount }";
const ALLOCATION = "allocation: allocationsByPaymentId { totalCount }";

/** Fields PostGraphile spells as we do. */
const same = (names: string): Leaf[] => names.split(" ").map((ours) => ({ ours }));

const LEAVES: Record<TypeName, Leaf[]> = {
  Worker: [
    ...same("id nik fullName gender birthDate occupation phone membershipNumber coveredThrough"),
    ...same("createdAt updatedAt"),
    { ours: "coverageStatus", pg: "coveredThrough" },
  ],
  Region: same("code name level"),
  Partner: same("id kind name address phone email agreementNumber active"),
  Donor: [
    ...same("id kind name taxId contactName phone email createdAt"),
    {
      ours: "summary { workersSponsored workersActive committed paid outstanding credit }",
      pg: "summary: contributionsByDonorId { totalCount }",
      cost: objectCost(6),
    },
  ],
  Sponsorship: [
    ...same("id package declaredIncome startMonth endMonth months cancelReason createdAt"),
    { ours: "monthlyContribution", pg: "monthlyContribution: monthlyAmount" },
    { ours: "status", pg: PROGRESS },
    { ours: "total", pg: PROGRESS },
    { ours: "paid", pg: PROGRESS },
  ],
  Contribution: same("id month amount status"),
  Payment: [
    ...same("id amount paidAt reference"),
    { ours: "allocated", pg: ALLOCATION },
    { ours: "unallocated", pg: ALLOCATION },
  ],
};

// Nested lists are ordered as ours orders them: a worker's sponsorships by start month then
// pledge time (PostGraphile has no start-month order: pledge time, then id), a donor's
// newest first, a sponsorship's months by month.
const LINKS: Record<TypeName, Link[]> = {
  Worker: [
    { ours: "village", to: "Region", pg: "regionByVillageCode" },
    { ours: "recruitedBy", to: "Partner", pg: "partnerByRecruitedById", weight: 0.5 },
    {
      ours: "sponsorships",
      to: "Sponsorship",
      list: "list",
      back: "worker",
      pg: "sponsorshipsByWorkerId(orderBy: [CREATED_AT_ASC, PRIMARY_KEY_ASC])",
    },
  ],
  Region: [{ ours: "parent", to: "Region", pg: "regionByParentCode" }],
  Partner: [
    { ours: "region", to: "Region", pg: "regionByRegionCode" },
    { ours: "donor", to: "Donor", pg: "donorByPartnerId", back: "partner" },
  ],
  Donor: [
    { ours: "region", to: "Region", pg: "regionByRegionCode" },
    { ours: "partner", to: "Partner", pg: "partnerByPartnerId", back: "donor", weight: 0.5 },
    {
      ours: "sponsorships",
      to: "Sponsorship",
      list: "page",
      back: "donor",
      pg: "sponsorshipsByDonorId(orderBy: [CREATED_AT_DESC, PRIMARY_KEY_DESC])",
    },
  ],
  Sponsorship: [
    { ours: "donor", to: "Donor", pg: "donorByDonorId", back: "sponsorships" },
    { ours: "worker", to: "Worker", pg: "workerByWorkerId", back: "sponsorships" },
    {
      ours: "contributions",
      to: "Contribution",
      list: "list",
      pg: "contributionsBySponsorshipId(orderBy: [MONTH_ASC, PRIMARY_KEY_ASC])",
    },
  ],
  Contribution: [{ ours: "payment", to: "Payment", pg: "paymentByPaymentId" }],
  Payment: [{ ours: "donor", to: "Donor", pg: "donorByDonorId" }],
};

/** Nested objects go this deep below a root node; each level draws its links less often. */
const MAX_DEPTH = 3;
const LINK_ODDS = [0.55, 0.4, 0.25];

/** mulberry32: a small seeded PRNG, the same sequence on every machine. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const int = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)];
function shuffled<T>(rng: Rng, xs: readonly T[]): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
const alias = (ours: string, pg: string) =>
  pg.startsWith(`${ours}(`) || pg === ours ? pg : `${ours}: ${pg}`;

/** Both spellings, the nested paths for the report, and the children's cost for ours. */
type Selection = { ours: string; pg: string; paths: string[]; cost: number };

/** A random selection on `type`: 2 or more leaves, then links drawn by depth. */
function select(rng: Rng, type: TypeName, depth: number, exclude?: string): Selection {
  const leaves = shuffled(rng, LEAVES[type]).slice(0, int(rng, 2, LEAVES[type].length));
  const ours = leaves.map((l) => l.ours);
  // Stand-ins shared by several of our fields are asked once.
  const pg = [...new Set(leaves.map((l) => l.pg ?? l.ours))];
  const paths: string[] = [];
  let cost = leaves.reduce((sum, l) => sum + (l.cost ?? 1), 0);
  for (const link of depth < MAX_DEPTH ? LINKS[type] : []) {
    if (link.ours === exclude || rng() >= LINK_ODDS[depth] * (link.weight ?? 1)) continue;
    // Lists inside lists stop one level down: a page of 100 stays a realistic answer.
    if (link.list && depth >= 1) continue;
    const sub = select(rng, link.to, depth + 1, link.back);
    paths.push(link.ours, ...sub.paths.map((p) => `${link.ours}.${p}`));
    if (link.list === "page") {
      const n = int(rng, 3, 20);
      const total = rng() < 0.3 ? "totalCount " : "";
      cost += objectCost((total ? 1 : 0) + objectCost(sub.cost), n);
      ours.push(`${link.ours}(first: ${n}) { ${total}nodes { ${sub.ours} } }`);
      const args = link.pg.replace("(", `(first: ${n}, `);
      pg.push(`${alias(link.ours, args)} { ${total}nodes { ${sub.pg} } }`);
    } else if (link.list) {
      cost += objectCost(sub.cost);
      ours.push(`${link.ours} { ${sub.ours} }`);
      pg.push(`${alias(link.ours, link.pg)} { nodes { ${sub.pg} } }`);
    } else {
      cost += objectCost(sub.cost);
      ours.push(`${link.ours} { ${sub.ours} }`);
      pg.push(`${alias(link.ours, link.pg)} { ${sub.pg} }`);
    }
  }
  return { ours: ours.join(" "), pg: pg.join(" "), paths, cost };
}

type RootArgs = { first: number; ours: string[]; pg: string[]; summary: string[] };

/** Root arguments both APIs express alike: `first`, the order (with ours' tiebreak), a filter. */
function rootArgs(rng: Rng, root: ShapeRoot, f: ShapeFixtures): RootArgs {
  const a: RootArgs = { first: int(rng, 10, 100), ours: [], pg: [], summary: [] };
  if (root === "workers") {
    // Ours breaks ties on id in the order's direction; no orderBy means newest first.
    const order = pick(rng, [
      null,
      "CREATED_AT ASC",
      "CREATED_AT DESC",
      "FULL_NAME ASC",
      "FULL_NAME DESC",
    ]);
    if (order) {
      const [field, direction] = order.split(" ");
      a.ours.push(`orderBy: { field: ${field}, direction: ${direction} }`);
      a.summary.push(order);
    }
    const [field, direction] = (order ?? "CREATED_AT DESC").split(" ");
    a.pg.push(`orderBy: [${field}_${direction}, PRIMARY_KEY_${direction}]`);
    const scope = rng();
    if (scope < 0.45 && f.districtCodes.length) {
      const code = pick(rng, f.districtCodes);
      a.ours.push(`filter: { regionCode: "${code}" }`);
      a.pg.push(`condition: { districtCode: "${code}" }`);
      a.summary.push(`district ${code}`);
    } else if (scope < 0.9 && f.villageCodes.length) {
      const code = pick(rng, f.villageCodes);
      a.ours.push(`filter: { regionCode: "${code}" }`);
      a.pg.push(`condition: { villageCode: "${code}" }`);
      a.summary.push(`village ${code}`);
    }
  } else if (root === "donors") {
    a.pg.push("orderBy: [NAME_ASC, PRIMARY_KEY_ASC]");
    // The bench's donors are registered in districts, which hold no donors below them, so
    // ours' "inside the region" is PostGraphile's equality here.
    if (rng() < 0.5 && f.districtCodes.length) {
      const code = pick(rng, f.districtCodes);
      a.ours.push(`filter: { regionCode: "${code}" }`);
      a.pg.push(`condition: { regionCode: "${code}" }`);
      a.summary.push(`district ${code}`);
    }
  } else {
    a.pg.push("orderBy: [CREATED_AT_DESC, PRIMARY_KEY_DESC]");
    const by = rng();
    const [key, ids] =
      by < 0.4 ? ["donorId", f.donorIds] : by < 0.55 ? ["workerId", f.workerIds] : ["", []];
    if (ids.length) {
      const id = pick(rng, ids);
      a.ours.push(`filter: { ${key}: "${id}" }`);
      a.pg.push(`condition: { ${key}: "${id}" }`);
      a.summary.push(key);
    }
  }
  return a;
}

const ROOTS: Record<ShapeRoot, { type: TypeName; pg: string }> = {
  workers: { type: "Worker", pg: "allWorkers" },
  donors: { type: "Donor", pg: "allDonors" },
  sponsorships: { type: "Sponsorship", pg: "allSponsorships" },
};

/** `count` shapes of `root`, the same for the same seed and fixtures. */
export function generateShapes(
  root: ShapeRoot,
  count: number,
  seed: number,
  fixtures: ShapeFixtures,
): QueryShape[] {
  // Each root gets its own stream, so limiting the roots does not change the shapes.
  const rng = mulberry32(seed ^ [...root].reduce((h, c) => Math.imul(h, 31) + c.charCodeAt(0), 7));
  const { type, pg } = ROOTS[root];
  return Array.from({ length: count }, (_, i) => {
    const name = `${root}-${String(i + 1).padStart(2, "0")}`;
    const args = rootArgs(rng, root, fixtures);
    let sel: Selection, edges: boolean, extras: string[], perNode: number;
    do {
      sel = select(rng, type, 0);
      // The connection's parts: nodes or edges, and sometimes its count and page info.
      edges = rng() < 0.35;
      const [count, pageInfo] = [rng() < 0.4, rng() < 0.4];
      extras = [count && "totalCount", pageInfo && "pageInfo { hasNextPage endCursor }"].filter(
        (e): e is string => !!e,
      );
      const list = edges ? objectCost(1 + objectCost(sel.cost)) : objectCost(sel.cost);
      perNode = objectCost(list + (count ? 1 : 0) + (pageInfo ? objectCost(2) : 0));
      // A selection too costly for a page of 10 is drawn again; else the page shrinks to fit.
    } while (COST_LIMIT / perNode < 10);
    const first = Math.min(args.first, Math.floor(COST_LIMIT / perNode));
    args.ours.unshift(`first: ${first}`);
    args.pg.unshift(`first: ${first}`);
    args.summary.unshift(`first ${first}`);
    const body = (s: string) =>
      [edges ? `edges { cursor node { ${s} } }` : `nodes { ${s} }`, ...extras].join(" ");
    const op = name.replace("-", "_");
    const summary = [
      ...args.summary,
      edges ? "edges" : "nodes",
      ...extras.map((e) => e.split(" ")[0]),
    ];
    if (sel.paths.length) summary.push(sel.paths.join(" "));
    return {
      name,
      summary: summary.join(", "),
      ours: `query ${op} { ${root}(${args.ours.join(", ")}) { ${body(sel.ours)} } }`,
      postgraphile: `query ${op} { ${root}: ${pg}(${args.pg.join(", ")}) { ${body(sel.pg)} } }`,
    };
  });
}
