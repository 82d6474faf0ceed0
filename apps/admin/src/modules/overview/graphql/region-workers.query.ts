import { gql, type TypedDocumentNode } from "@apollo/client";

export type Occupation =
  | "FARMER"
  | "TRADER"
  | "LIVESTOCK_BREEDER"
  | "FISHER"
  | "HOUSEHOLD_HELPER"
  | "DRIVER"
  | "LABOURER"
  | "STREET_VENDOR"
  | "CRAFTSPERSON"
  | "OTHER";

export type RegionWorkersData = {
  workers: {
    totalCount: number;
    nodes: {
      id: string;
      fullName: string;
      occupation: Occupation;
      village: { code: string; name: string };
    }[];
  };
};

export type RegionWorkersVariables = { regionCode: string; first: number };

// A separate operation from the public overview: `workers` needs a signed-in viewer, and an
// UNAUTHENTICATED error there must not blank out the public figures.
export const REGION_WORKERS: TypedDocumentNode<RegionWorkersData, RegionWorkersVariables> = gql`
  query RegionWorkers($regionCode: ID!, $first: Int!) {
    workers(first: $first, filter: { regionCode: $regionCode }) {
      totalCount
      nodes {
        id
        fullName
        occupation
        village {
          code
          name
        }
      }
    }
  }
`;
