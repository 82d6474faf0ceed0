import { useMutation, useQuery } from "@apollo/client/react";
import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  MultiSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { ReminderKind, ReminderStatus } from "@sertakan/schema";
import { DataTable } from "mantine-datatable";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { describeError } from "../../lib/errors";
import { formatDateTime, formatNumber, formatYearMonth } from "../../lib/format";
import { refreshAfterWrite } from "../../lib/refresh";
import { useViewer } from "../auth/viewer";
import { CursorPager } from "../layout/cursor-pager";
import { DONOR_REMINDERS } from "./graphql/donor-reminders.query";
import { RUN_REMINDERS } from "./graphql/run-reminders.mutation";
import {
  readReminderListState,
  toReminderFilter,
  writeReminderListState,
  type ReminderListState,
} from "./reminder-filters";
import { ReminderStatusBadge, useReminderText, type ReminderRow } from "./reminder-parts";

export const REMINDERS_PAGE_SIZE = 25;
const CALLS_SHOWN = 50;

/** "Pengingat donatur": the call list first, then every reminder with filters in the URL. */
export function RemindersPage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const [params, setParams] = useSearchParams();
  const state = readReminderListState(params);
  const filter = toReminderFilter(state);
  const text = useReminderText();
  const [ran, setRan] = useState<number | null>(null);

  const list = useQuery(DONOR_REMINDERS, {
    variables: { first: REMINDERS_PAGE_SIZE, after: state.after, filter },
    fetchPolicy: "cache-and-network",
  });
  // The call list: what is still waiting, for the kinds and month chosen.
  const calls = useQuery(DONOR_REMINDERS, {
    variables: { first: CALLS_SHOWN, filter: { ...filter, status: ["PENDING"] } },
    fetchPolicy: "cache-and-network",
  });
  const [run, running] = useMutation(RUN_REMINDERS, {
    // Both lists on screen are asked again before the count of new reminders shows.
    ...refreshAfterWrite(["donorReminders"]),
    onCompleted: (data) => setRan(data.runReminders),
  });
  const reminders = (list.data ?? list.previousData)?.donorReminders;
  const waiting = (calls.data ?? calls.previousData)?.donorReminders;

  // Any change but paging starts again at the first page (its cursor no longer applies).
  const update = (change: Partial<ReminderListState>) =>
    setParams(writeReminderListState({ ...state, after: null, page: 1, ...change }));

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t("reminders.title")}</Title>
        {viewer.role === "ADMIN" && (
          <Button loading={running.loading} onClick={() => void run()}>
            {t("reminders.run")}
          </Button>
        )}
      </Group>
      <Text c="dimmed">{t("reminders.intro")}</Text>
      {ran !== null && <Alert color="green">{t("reminders.ran", { n: ran })}</Alert>}
      {running.error && <Alert color="red">{describeError(running.error, t)}</Alert>}
      <Group align="flex-end" wrap="wrap">
        <MultiSelect
          label={t("reminders.filter.kind")}
          data={Object.values(ReminderKind).map((k) => ({
            value: k,
            label: t(`reminders.kind.${k}`),
          }))}
          value={state.kinds}
          onChange={(v) => update({ kinds: v as ReminderListState["kinds"] })}
          clearable
          w={280}
        />
        <MultiSelect
          label={t("reminders.filter.status")}
          data={Object.values(ReminderStatus).map((s) => ({
            value: s,
            label: t(`reminders.status.${s}`),
          }))}
          value={state.statuses}
          onChange={(v) => update({ statuses: v as ReminderListState["statuses"] })}
          clearable
          w={260}
        />
        <TextInput
          type="month"
          label={t("reminders.filter.month")}
          value={state.month}
          onChange={(e) => update({ month: e.currentTarget.value })}
          w={180}
        />
      </Group>

      <Card withBorder data-testid="reminder-calls">
        <Title order={2} size="h4">
          {t("reminders.calls.title")}
        </Title>
        <Text size="sm" c="dimmed" mb="xs">
          {t("reminders.calls.intro")}
        </Text>
        {calls.error && <Alert color="red">{describeError(calls.error, t)}</Alert>}
        {waiting && waiting.nodes.length === 0 ? (
          <Text c="dimmed">{t("reminders.calls.none")}</Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("reminders.field.donor")}</Table.Th>
                  <Table.Th>{t("reminders.field.phone")}</Table.Th>
                  <Table.Th>{t("reminders.field.kind")}</Table.Th>
                  <Table.Th>{t("reminders.field.amount")}</Table.Th>
                  <Table.Th>{t("reminders.field.about")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(waiting?.nodes ?? []).map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/donors/${r.donor.id}`}>
                        {r.donor.name}
                      </Anchor>
                      {r.donor.email && (
                        <Text size="xs" c="dimmed">
                          {t("reminders.calls.notMailed")}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {r.donor.phone ? (
                        <Anchor href={`tel:${r.donor.phone.replace(/[^\d+]/g, "")}`}>
                          {r.donor.phone}
                        </Anchor>
                      ) : (
                        <Text c="dimmed">{t("reminders.calls.noPhone")}</Text>
                      )}
                    </Table.Td>
                    <Table.Td>{t(`reminders.kind.${r.kind}`)}</Table.Td>
                    <Table.Td>{text.amount(r)}</Table.Td>
                    <Table.Td>{text.about(r)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {waiting && waiting.totalCount > waiting.nodes.length && (
          <Text size="sm" c="dimmed">
            {t("reminders.calls.more", {
              shown: formatNumber(waiting.nodes.length),
              total: formatNumber(waiting.totalCount),
            })}
          </Text>
        )}
      </Card>

      {list.error && <Alert color="red">{describeError(list.error, t)}</Alert>}
      <Text size="sm" c="dimmed" aria-live="polite" data-testid="reminders-count">
        {reminders ? t("reminders.count", { total: formatNumber(reminders.totalCount) }) : ""}
      </Text>
      <DataTable<ReminderRow>
        withTableBorder
        striped
        minHeight={160}
        fetching={list.loading}
        records={reminders?.nodes ?? []}
        noRecordsText={t("reminders.none")}
        columns={[
          {
            accessor: "donor.name",
            title: t("reminders.field.donor"),
            render: (r) => (
              <Anchor component={Link} to={`/donors/${r.donor.id}`}>
                {r.donor.name}
              </Anchor>
            ),
          },
          {
            accessor: "kind",
            title: t("reminders.field.kind"),
            render: (r) => t(`reminders.kind.${r.kind}`),
          },
          {
            accessor: "month",
            title: t("reminders.field.month"),
            render: (r) => formatYearMonth(r.month),
          },
          { accessor: "amount", title: t("reminders.field.amount"), render: text.amount },
          {
            accessor: "status",
            title: t("reminders.field.status"),
            render: (r) => (
              <Stack gap={2}>
                <ReminderStatusBadge status={r.status} />
                {r.attempts > 0 && (
                  <Text size="xs" c="dimmed" title={r.lastError ?? undefined}>
                    {t("reminders.attempts", { n: r.attempts })}
                    {r.lastError ? ` · ${r.lastError}` : ""}
                  </Text>
                )}
              </Stack>
            ),
          },
          {
            accessor: "sentAt",
            title: t("reminders.field.sentAt"),
            render: (r) => formatDateTime(r.sentAt),
          },
        ]}
      />
      <CursorPager
        endCursor={reminders?.pageInfo.endCursor}
        hasNextPage={reminders?.pageInfo.hasNextPage}
      />
    </Stack>
  );
}
