import { useQuery } from "@apollo/client/react";
import {
  Alert,
  Anchor,
  Button,
  Group,
  MultiSelect,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { AccidentReportStatus, PLKK_KINDS } from "@sertakan/schema";
import { DataTable } from "mantine-datatable";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import type { AccidentReportsQuery, PartnerKind } from "../../gql/graphql";
import { describeError } from "../../lib/errors";
import { formatDateTime, formatNumber } from "../../lib/format";
import { useCanWrite, useViewer } from "../auth/viewer";
import { CursorPager } from "../layout/cursor-pager";
import { RegionCascade } from "../regions/region-cascade";
import {
  readAccidentListState,
  toAccidentFilter,
  writeAccidentListState,
  type AccidentListState,
} from "./accident-filters";
import { AccidentStatusBadge } from "./accident-status-badge";
import { ExportAccidentsButton } from "./export-accidents-button";
import { ACCIDENT_REPORTS } from "./graphql/accident-reports.query";
import { PLKK_PARTNERS } from "./graphql/plkk-partners.query";

export const ACCIDENTS_PAGE_SIZE = 25;

type Row = AccidentReportsQuery["accidentReports"]["nodes"][number];

/** Every accident reported in the caller's scope, covered or not, newest first. */
export function AccidentsPage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const canWrite = useCanWrite();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const state = readAccidentListState(params);
  const filter = toAccidentFilter(state);

  const { data, previousData, loading, error } = useQuery(ACCIDENT_REPORTS, {
    variables: { first: ACCIDENTS_PAGE_SIZE, after: state.after, filter },
    fetchPolicy: "cache-and-network",
  });
  // The PLKK filter lists every PLKK in scope, active or not: old reports name closed ones.
  const plkk = useQuery(PLKK_PARTNERS, {
    variables: { first: 200, filter: { kind: PLKK_KINDS as PartnerKind[] } },
  });
  const reports = (data ?? previousData)?.accidentReports;

  // Any change but paging starts again at the first page (its cursor no longer applies).
  const update = (change: Partial<AccidentListState>) =>
    setParams(writeAccidentListState({ ...state, after: null, page: 1, ...change }));

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t("accidents.list.title")}</Title>
        <Group>
          <ExportAccidentsButton filter={filter} />
          {canWrite && (
            <Button component={Link} to="/counter">
              {t("accidents.list.toCounter")}
            </Button>
          )}
        </Group>
      </Group>
      <Group align="flex-end" wrap="wrap">
        <Select
          label={t("accidents.list.plkk")}
          data={(plkk.data?.partners.nodes ?? []).map((p) => ({ value: p.id, label: p.name }))}
          value={state.plkk || null}
          onChange={(v) => update({ plkk: v ?? "" })}
          searchable
          clearable
          w={260}
        />
        <MultiSelect
          label={t("accidents.list.status")}
          data={Object.values(AccidentReportStatus).map((s) => ({
            value: s,
            label: t(`accidents.status.${s}`),
          }))}
          value={state.statuses}
          onChange={(v) => update({ statuses: v as AccidentListState["statuses"] })}
          clearable
          w={260}
        />
        <TextInput
          type="date"
          label={t("accidents.list.from")}
          value={state.from}
          onChange={(e) => update({ from: e.currentTarget.value })}
          // One field a row on a phone, as every form there.
          w={{ base: "100%", xs: 170 }}
        />
        <TextInput
          type="date"
          label={t("accidents.list.to")}
          value={state.to}
          onChange={(e) => update({ to: e.currentTarget.value })}
          w={{ base: "100%", xs: 170 }}
        />
      </Group>
      <RegionCascade
        value={state.region}
        lockedCode={viewer.regionScope?.code}
        onChange={(region) => update({ region })}
      />
      {error && <Alert color="red">{describeError(error, t)}</Alert>}
      <Text size="sm" c="dimmed" aria-live="polite" data-testid="accidents-count">
        {reports ? t("accidents.list.count", { total: formatNumber(reports.totalCount) }) : ""}
      </Text>
      <DataTable<Row>
        withTableBorder
        striped
        minHeight={160}
        fetching={loading}
        records={reports?.nodes ?? []}
        noRecordsText={t("accidents.list.none")}
        onRowClick={({ record }) => navigate(`/accidents/${record.id}`)}
        columns={[
          {
            accessor: "occurredAt",
            title: t("accidents.field.occurredAt"),
            render: (r) => (
              <Anchor
                component={Link}
                to={`/accidents/${r.id}`}
                onClick={(e) => e.stopPropagation()}
              >
                {formatDateTime(r.occurredAt)}
              </Anchor>
            ),
          },
          { accessor: "worker.fullName", title: t("accidents.field.worker") },
          { accessor: "worker.village.name", title: t("workers.village") },
          { accessor: "partner.name", title: t("accidents.field.plkk") },
          {
            accessor: "cause",
            title: t("accidents.field.cause"),
            render: (r) => t(`accidents.cause.${r.cause}`),
          },
          {
            accessor: "status",
            title: t("accidents.field.status"),
            // Both badges whole: "Tidak ditanggung" with "Terlambat" beside it.
            width: 230,
            render: (r) => <AccidentStatusBadge status={r.status} late={r.late} />,
          },
        ]}
      />
      <CursorPager
        endCursor={reports?.pageInfo.endCursor}
        hasNextPage={reports?.pageInfo.hasNextPage}
      />
    </Stack>
  );
}
