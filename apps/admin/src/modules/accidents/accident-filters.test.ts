import {
  monthDays,
  readAccidentListState,
  toAccidentFilter,
  writeAccidentListState,
} from "./accident-filters";

test("the list state survives the URL and unknown values are dropped", () => {
  const params = new URLSearchParams(
    "region=33.10.05&plkk=p1&status=NOT_COVERED,BOGUS&from=2026-11-01&to=nope&after=c&page=3",
  );
  const state = readAccidentListState(params);
  expect(state).toEqual({
    region: "33.10.05",
    plkk: "p1",
    statuses: ["NOT_COVERED"],
    from: "2026-11-01",
    to: "",
    after: "c",
    page: 3,
  });
  expect(writeAccidentListState(state).toString()).toBe(
    "region=33.10.05&plkk=p1&status=NOT_COVERED&from=2026-11-01&after=c&page=3",
  );
  expect(toAccidentFilter(state)).toEqual({
    regionCode: "33.10.05",
    partnerId: "p1",
    status: ["NOT_COVERED"],
    from: "2026-11-01",
  });
});

test("an empty URL asks for everything in scope", () => {
  const state = readAccidentListState(new URLSearchParams());
  expect(toAccidentFilter(state)).toEqual({});
  expect(writeAccidentListState(state).toString()).toBe("");
});

test("month days cover short months and leap years", () => {
  expect(monthDays("2026-02")).toEqual({ from: "2026-02-01", to: "2026-02-28" });
  expect(monthDays("2028-02")).toEqual({ from: "2028-02-01", to: "2028-02-29" });
  expect(monthDays("2026-12")).toEqual({ from: "2026-12-01", to: "2026-12-31" });
});
