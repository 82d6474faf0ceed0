import { useQuery } from "@apollo/client/react";
import { Alert, Anchor, Card, Group, Loader, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { describeError } from "../../lib/errors";
import { formatDateTime, formatYearMonth } from "../../lib/format";
import { AccidentStatusBadge } from "./accident-status-badge";
import { ACCIDENT_REPORT } from "./graphql/accident-report.query";
import { FactList } from "../layout/fact-list";

export function AccidentDetailPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const { data, loading, error } = useQuery(ACCIDENT_REPORT, { variables: { id } });
  if (loading && !data) return <Loader aria-label={t("common.loading")} />;
  if (error) return <Alert color="red">{describeError(error, t)}</Alert>;
  const r = data?.accidentReport;
  if (!r) return <Alert color="yellow">{t("errors.NOT_FOUND")}</Alert>;

  const facts: [string, ReactNode][] = [
    [
      t("accidents.field.worker"),
      <Anchor component={Link} to={`/workers/${r.worker.id}`}>
        {r.worker.fullName}
      </Anchor>,
    ],
    ["NIK", r.worker.nik],
    [t("workers.village"), r.worker.village.name],
    [t("accidents.field.occurredAt"), formatDateTime(r.occurredAt)],
    [t("accidents.field.reportedAt"), formatDateTime(r.createdAt)],
    [t("accidents.field.place"), r.place],
    [t("accidents.field.cause"), t(`accidents.cause.${r.cause}`)],
    [
      t("accidents.field.plkk"),
      <Anchor component={Link} to={`/partners/${r.partner.id}`}>
        {r.partner.name}
      </Anchor>,
    ],
    [t("accidents.field.reporter"), r.reporterName],
    [t("accidents.field.reporterPhone"), r.reporterPhone ?? t("worker.hidden")],
    [t("accidents.field.description"), r.description ?? "—"],
  ];

  return (
    <Stack>
      <Group>
        <Title order={1}>{t("accidents.detail.title", { name: r.worker.fullName })}</Title>
        <AccidentStatusBadge status={r.status} late={r.late} />
      </Group>
      <Alert
        color={r.status === "ACCEPTED" ? "teal" : "red"}
        title={t(`accidents.status.${r.status}`)}
        data-testid="accident-decision"
      >
        {r.status === "ACCEPTED"
          ? t("accidents.detail.accepted", { month: formatYearMonth(r.coveredBy?.month) })
          : t("accidents.detail.notCovered")}
        {r.late && <Text mt="xs">{t("accidents.lateHint")}</Text>}
      </Alert>
      <Card withBorder>
        <FactList facts={facts} />
      </Card>
    </Stack>
  );
}
