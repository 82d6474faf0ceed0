// The fixed queries of the benchmark, as each server spells them. COUNTER is the PLKK
// counter's coverage check, timed beside Q3 (workerByNik): both are one NIK's lookup.
export const DISTRICT = "33.10.02"; // Gantiwarno: ~9,000 of Klaten's 220,000 workers
// The worker Q3 looks up by NIK: one of the district's newest, picked the same in every script.
export const Q3_WORKER_SQL = `SELECT nik FROM worker WHERE district_code = '${DISTRICT}' ORDER BY created_at DESC LIMIT 1 OFFSET 7`;

export const OURS = {
  Q1: `query Q1 { workers(first: 50, filter: { regionCode: "${DISTRICT}" }) { nodes {
    id nik fullName occupation coverageStatus
    village { name parent { name } }
    sponsorships { donor { name } } } } }`,
  Q2: `query Q2 { coverageStats(regionCode: "33.10") {
    registeredWorkers active arrears lapsed uncovered contributionsPaid
    children { region { code name } registeredWorkers active arrears lapsed uncovered contributionsPaid } } }`,
  Q3: (nik) =>
    `query Q3 { workerByNik(nik: "${nik}") { id fullName occupation coverageStatus village { name } } }`,
  // Q4: the worker page as a regional office's program asks it — an explicit order, the
  // sponsorships' own fields, the village's parent code.
  Q4: `query Q4 { workers(first: 50, filter: { regionCode: "${DISTRICT}" }, orderBy: { field: FULL_NAME, direction: ASC }) { nodes {
    id nik fullName occupation coverageStatus
    village { code name parent { code name } }
    sponsorships { id package startMonth endMonth monthlyContribution donor { name } } } } }`,
  COUNTER: (nik, date) =>
    `query Counter { coverageCheck(nik: "${nik}", date: "${date}") { nik covered coveredBy { month } worker { id fullName } } }`,
};

// PostGraphile has no coverage status (it is derived): the last paid month stands in.
export const POSTGRAPHILE = {
  Q1: `query Q1 { allWorkers(first: 50, condition: { districtCode: "${DISTRICT}" }, orderBy: [CREATED_AT_DESC, PRIMARY_KEY_DESC]) { nodes {
    id nik fullName occupation coveredThrough
    regionByVillageCode { name regionByParentCode { name } }
    sponsorshipsByWorkerId { nodes { donorByDonorId { name } } } } } }`,
  Q3: (nik) =>
    `query Q3 { workerByNik(nik: "${nik}") { id fullName occupation coveredThrough regionByVillageCode { name } } }`,
  // Ours breaks name ties on id; a worker's sponsorships come by start month there, by pledge
  // time here (PostGraphile offers no start-month order); monthlyContribution is monthlyAmount.
  Q4: `query Q4 { allWorkers(first: 50, condition: { districtCode: "${DISTRICT}" }, orderBy: [FULL_NAME_ASC, PRIMARY_KEY_ASC]) { nodes {
    id nik fullName occupation coveredThrough
    regionByVillageCode { code name regionByParentCode { code name } }
    sponsorshipsByWorkerId(orderBy: [CREATED_AT_ASC, PRIMARY_KEY_ASC]) { nodes {
      id package startMonth endMonth monthlyAmount donorByDonorId { name } } } } } }`,
};
