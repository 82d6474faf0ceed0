import { Anchor, Button, Card, Group, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { AccidentReportStatus } from "../../gql/graphql";
import { formatDateTime } from "../../lib/format";
import { AccidentStatusBadge } from "./accident-status-badge";

type Report = {
  id: string;
  occurredAt: string;
  place: string;
  status: AccidentReportStatus;
  late: boolean;
  partner: { name: string };
};

/** The worker page's accident section: every report about them, and a way to add one. */
export function WorkerAccidents({
  workerId,
  reports,
  canWrite,
}: {
  workerId: string;
  reports: readonly Report[];
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          {t("accidents.worker.title")}
        </Title>
        {canWrite && (
          <Button
            component={Link}
            to={`/accidents/new?worker=${encodeURIComponent(workerId)}`}
            variant="default"
            size="xs"
          >
            {t("accidents.counter.report")}
          </Button>
        )}
      </Group>
      {reports.length === 0 ? (
        <Text c="dimmed">{t("accidents.worker.none")}</Text>
      ) : (
        <Table.ScrollContainer minWidth={520}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("accidents.field.occurredAt")}</Table.Th>
                <Table.Th>{t("accidents.field.plkk")}</Table.Th>
                <Table.Th>{t("accidents.field.place")}</Table.Th>
                <Table.Th>{t("accidents.field.status")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {reports.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/accidents/${r.id}`}>
                      {formatDateTime(r.occurredAt)}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{r.partner.name}</Table.Td>
                  <Table.Td>{r.place}</Table.Td>
                  <Table.Td>
                    <AccidentStatusBadge status={r.status} late={r.late} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
