import { Badge, Group } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { AccidentReportStatus } from "../../gql/graphql";

/** ACCEPTED in green, NOT_COVERED in red, and a "late" mark beside either. */
export function AccidentStatusBadge({
  status,
  late,
}: {
  status: AccidentReportStatus;
  late: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      <Badge color={status === "ACCEPTED" ? "teal" : "red"} variant="light">
        {t(`accidents.status.${status}`)}
      </Badge>
      {late && (
        <Badge color="orange" variant="outline" title={t("accidents.lateHint")}>
          {t("accidents.late")}
        </Badge>
      )}
    </Group>
  );
}
