import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { CoverageStatus } from "../../gql/graphql";

const COLORS: Record<CoverageStatus, string> = {
  ACTIVE: "teal",
  ARREARS: "yellow",
  LAPSED: "red",
  UNCOVERED: "gray",
};

export function CoverageStatusBadge({ status }: { status: CoverageStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light">
      {t(`coverageStatus.${status}`)}
    </Badge>
  );
}
