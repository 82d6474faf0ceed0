// The tabs a first visit opens with. GraphiQL keeps the user's own tabs in localStorage
// afterwards; "Reset examples" in the top bar brings these back.
export type Example = { query: string; variables?: string };

const KLATEN_WORKERS = `# Workers living in Kabupaten Klaten (regionCode "33.10"),
# newest registrations first. Needs a caller: paste an API key
# or token above, or sign in to the admin app. A VIEWER sees
# NIKs masked as 3310********0001 and no phone or birth date.
query KlatenWorkers($regionCode: ID!) {
  workers(first: 20, filter: { regionCode: $regionCode }) {
    totalCount
    nodes {
      fullName
      nik
      occupation
      coverageStatus
      coveredThrough
      village {
        code
        name
      }
    }
  }
}
`;

const COVERAGE_STATS = `# How Klaten is doing this month, and each of its 26 districts.
# ACTIVE: this month is paid. ARREARS: 1 to 3 months since the
# last paid month. LAPSED: more than 3. UNCOVERED: never paid.
# Set asOf (e.g. "2026-05") for another month.
query KlatenCoverage($regionCode: ID!, $asOf: YearMonth) {
  coverageStats(regionCode: $regionCode, asOf: $asOf) {
    asOf
    registeredWorkers
    active
    arrears
    lapsed
    uncovered
    contributionsPaid
    children {
      region {
        code
        name
      }
      registeredWorkers
      active
      lapsed
    }
  }
}
`;

const QUOTE = `# What sponsoring costs; no sign-in needed. At the minimum
# declared income (Rp1,000,000): JKK 10,000 + JKM 6,800 =
# 16,800 a month; with JHT 20,000 more (JKK_JKM_JHT) = 36,800.
query Quote($package: ProgramPackage!, $months: Int, $workers: Int) {
  contributionQuote(package: $package, months: $months, workers: $workers) {
    package
    declaredIncome
    jkk
    jkm
    jht
    monthly
    months
    workers
    total
  }
}
`;

const PAGINATED_WALK = `# Walk a list page by page: run it, copy pageInfo.endCursor
# into the "after" variable, and run again, until hasNextPage
# is false. first is 1 to 200.
query WorkerPages($regionCode: ID!, $first: Int, $after: String) {
  workers(first: $first, after: $after, filter: { regionCode: $regionCode }) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      cursor
      node {
        id
        fullName
        village {
          name
        }
      }
    }
  }
}
`;

const vars = (value: object) => JSON.stringify(value, null, 2);

export const EXAMPLES: Example[] = [
  { query: KLATEN_WORKERS, variables: vars({ regionCode: "33.10" }) },
  { query: COVERAGE_STATS, variables: vars({ regionCode: "33.10", asOf: null }) },
  { query: QUOTE, variables: vars({ package: "JKK_JKM_JHT", months: 12, workers: 1 }) },
  { query: PAGINATED_WALK, variables: vars({ regionCode: "33.10.01", first: 5, after: null }) },
];
