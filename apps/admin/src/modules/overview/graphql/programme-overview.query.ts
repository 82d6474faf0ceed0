import { gql, type TypedDocumentNode } from "@apollo/client";

export type ProgrammeOverviewData = {
  jkkJkm: { package: "JKK_JKM"; monthly: number };
  jkkJkmJht: { package: "JKK_JKM_JHT"; monthly: number };
  provinces: { code: string; name: string }[];
};

// Only fields anonymous callers may read, so the page shows the programme before sign-in.
export const PROGRAMME_OVERVIEW: TypedDocumentNode<
  ProgrammeOverviewData,
  Record<string, never>
> = gql`
  query ProgrammeOverview {
    jkkJkm: contributionQuote(package: JKK_JKM) {
      package
      monthly
    }
    jkkJkmJht: contributionQuote(package: JKK_JKM_JHT) {
      package
      monthly
    }
    provinces: regions(level: PROVINCE) {
      code
      name
    }
  }
`;
