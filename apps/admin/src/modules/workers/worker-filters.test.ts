import { readWorkerListState, toWorkerQuery, writeWorkerListState } from "./worker-filters";

describe("the workers list state in the URL", () => {
  test("round-trips every filter, the sort and the page", () => {
    const params = new URLSearchParams(
      "q=sri&region=33.10.01&occupation=FARMER,TRADER&status=ACTIVE&sort=FULL_NAME&dir=desc&after=abc&page=3",
    );
    const state = readWorkerListState(params);
    expect(state).toEqual({
      search: "sri",
      region: "33.10.01",
      occupations: ["FARMER", "TRADER"],
      statuses: ["ACTIVE"],
      sort: "FULL_NAME",
      direction: "DESC",
      after: "abc",
      page: 3,
    });
    expect(writeWorkerListState(state).toString()).toBe(params.toString().replace(/%2C/g, "%2C"));
  });
  test("drops values the API would refuse instead of sending them", () => {
    const state = readWorkerListState(new URLSearchParams("occupation=PILOT,FISHER&sort=NIK"));
    expect(state.occupations).toEqual(["FISHER"]);
    expect(state.sort).toBeNull();
  });
  test("becomes the GraphQL filter and order", () => {
    const state = readWorkerListState(new URLSearchParams("q=%20sri%20&status=LAPSED,ARREARS"));
    expect(toWorkerQuery(state)).toEqual({
      filter: { search: "sri", coverageStatus: ["LAPSED", "ARREARS"] },
      orderBy: null,
    });
  });
});
