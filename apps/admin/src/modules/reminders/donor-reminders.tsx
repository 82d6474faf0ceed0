import { useQuery } from "@apollo/client/react";
import { Alert, Card, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { describeError } from "../../lib/errors";
import { formatDateTime, formatYearMonth } from "../../lib/format";
import { DONOR_REMINDERS } from "./graphql/donor-reminders.query";
import { ReminderStatusBadge, useReminderText } from "./reminder-parts";

/** The donor page's reminders section: the latest reminders and whether they went out. */
export function DonorReminders({ donorId }: { donorId: string }) {
  const { t } = useTranslation();
  const text = useReminderText();
  const { data, error } = useQuery(DONOR_REMINDERS, {
    variables: { first: 12, filter: { donorId } },
    fetchPolicy: "cache-and-network",
  });
  const nodes = data?.donorReminders.nodes ?? [];
  return (
    <Card withBorder data-testid="donor-reminders">
      <Title order={2} size="h4" mb="xs">
        {t("reminders.donor.title")}
      </Title>
      {error && <Alert color="red">{describeError(error, t)}</Alert>}
      {data && nodes.length === 0 ? (
        <Text c="dimmed">{t("reminders.donor.none")}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("reminders.field.month")}</Table.Th>
                <Table.Th>{t("reminders.field.kind")}</Table.Th>
                <Table.Th>{t("reminders.field.amount")}</Table.Th>
                <Table.Th>{t("reminders.field.status")}</Table.Th>
                <Table.Th>{t("reminders.field.sentAt")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {nodes.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{formatYearMonth(r.month)}</Table.Td>
                  <Table.Td>
                    {t(`reminders.kind.${r.kind}`)}
                    <Text size="xs" c="dimmed">
                      {text.about(r)}
                    </Text>
                  </Table.Td>
                  <Table.Td>{text.amount(r)}</Table.Td>
                  <Table.Td>
                    <ReminderStatusBadge status={r.status} />
                    {r.lastError && (
                      <Text size="xs" c="dimmed">
                        {r.lastError}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{formatDateTime(r.sentAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
