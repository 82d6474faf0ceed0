import type { MockedResponse } from "@apollo/client/testing";
import { MockedProvider } from "@apollo/client/testing/react";
import { MantineProvider } from "@mantine/core";
import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import { REGIONS } from "../modules/regions/graphql/regions.query";
import { REGION } from "../modules/regions/graphql/region.query";
import { theme } from "../theme";

const region = (code: string, name: string, level: string) => ({
  __typename: "Region" as const,
  code,
  name,
  level,
});

/** The slice of the region table the forms under test walk through: Klaten, Prambanan. */
export const regionMocks: MockedResponse[] = [
  {
    request: { query: REGIONS, variables: { level: "PROVINCE" } },
    result: { data: { regions: [region("33", "Jawa Tengah", "PROVINCE")] } },
    maxUsageCount: Number.POSITIVE_INFINITY,
  },
  {
    request: { query: REGIONS, variables: { parentCode: "33" } },
    result: { data: { regions: [region("33.10", "Kabupaten Klaten", "REGENCY")] } },
    maxUsageCount: Number.POSITIVE_INFINITY,
  },
  {
    request: { query: REGIONS, variables: { parentCode: "33.10" } },
    result: { data: { regions: [region("33.10.01", "Prambanan", "DISTRICT")] } },
    maxUsageCount: Number.POSITIVE_INFINITY,
  },
  {
    request: { query: REGIONS, variables: { parentCode: "33.10.01" } },
    result: { data: { regions: [region("33.10.01.2001", "Randusari", "VILLAGE")] } },
    maxUsageCount: Number.POSITIVE_INFINITY,
  },
  {
    request: { query: REGION, variables: { code: "33.10.01" } },
    result: {
      data: {
        region: {
          ...region("33.10.01", "Prambanan", "DISTRICT"),
          parent: { __typename: "Region", code: "33.10", name: "Kabupaten Klaten" },
        },
      },
    },
    maxUsageCount: Number.POSITIVE_INFINITY,
  },
];

export function renderWithProviders(ui: ReactElement, mocks: MockedResponse[] = regionMocks) {
  return render(
    <MantineProvider theme={theme}>
      <MockedProvider mocks={mocks}>{ui}</MockedProvider>
    </MantineProvider>,
  );
}
