import fs from "node:fs";
import path from "node:path";
import { ApolloClient, InMemoryCache, type TypedDocumentNode } from "@apollo/client";
import { useApolloClient, useQuery } from "@apollo/client/react";
import { MockedProvider } from "@apollo/client/testing/react";
import { act, render, screen } from "@testing-library/react";
import { buildSchema, isObjectType, parse } from "graphql";
import { COVER_FIELDS, refreshAfterWrite, WORKERS_ADDED_FIELDS } from "./refresh";

// Parsed here, out of codegen's sight: they stand for a page's queries and a write, no more.
type Shown = { donor: { id: string; summary: { outstanding: number } } };
const SHOWN: TypedDocumentNode<Shown, { id: string }> = parse(`
  query Shown($id: ID!) {
    donor(id: $id) {
      id
      summary {
        outstanding
      }
    }
  }
`);
const OFF_SCREEN = parse(`
  query OffScreen($regionCode: ID!) {
    coverageStats(regionCode: $regionCode) {
      active
    }
  }
`);
const PLEDGE = parse(`
  mutation Pledge {
    pledge
  }
`);

const donor = (outstanding: number) => ({
  data: {
    donor: { __typename: "Donor", id: "d1", summary: { __typename: "DonorSummary", outstanding } },
  },
});

describe("refreshAfterWrite", () => {
  test("the write is done only once the query on screen holds the new figure, and what is off screen is forgotten", async () => {
    const cache = new InMemoryCache();
    // A dashboard opened earlier: its figures are in the cache, no longer on screen.
    cache.writeQuery({
      query: OFF_SCREEN,
      variables: { regionCode: "33.10" },
      data: { coverageStats: { __typename: "CoverageStats", active: 7 } },
    });
    let client: ApolloClient | undefined;
    const seen: string[] = [];
    function Screen() {
      client = useApolloClient();
      const { data } = useQuery(SHOWN, { variables: { id: "d1" } });
      const text = data ? `outstanding ${data.donor.summary.outstanding}` : "loading";
      seen.push(text);
      return <p>{text}</p>;
    }
    render(
      <MockedProvider
        cache={cache}
        mocks={[
          { request: { query: SHOWN, variables: { id: "d1" } }, result: donor(0) },
          { request: { query: PLEDGE }, result: { data: { pledge: true } } },
          // Slow, so a write that did not wait for it would be done while the cache is old.
          { request: { query: SHOWN, variables: { id: "d1" } }, result: donor(50_400), delay: 80 },
        ]}
      >
        <Screen />
      </MockedProvider>,
    );
    await screen.findByText("outstanding 0");
    seen.length = 0;

    await act(() =>
      client!.mutate({ mutation: PLEDGE, ...refreshAfterWrite(["donor", "coverageStats"]) }),
    );

    // A page opening from the cache now shows the new amount, and the dashboard asks again.
    expect(cache.readQuery({ query: SHOWN, variables: { id: "d1" } })).toEqual(donor(50_400).data);
    expect(cache.readQuery({ query: OFF_SCREEN, variables: { regionCode: "33.10" } })).toBeNull();
    expect(screen.getByText("outstanding 50400")).toBeTruthy();
    // While it was refetched the page kept its figure: no loader flashed in between.
    expect(seen.filter((s) => s === "loading")).toEqual([]);
  });

  test("names only fields of the schema's Query type", () => {
    const schema = buildSchema(
      fs.readFileSync(
        path.resolve(__dirname, "../../../../packages/schema/schema.graphql"),
        "utf8",
      ),
    );
    const query = schema.getQueryType();
    expect(isObjectType(query)).toBe(true);
    const fields = Object.keys(query!.getFields());
    expect([...COVER_FIELDS, ...WORKERS_ADDED_FIELDS].filter((f) => !fields.includes(f))).toEqual(
      [],
    );
  });
});
