import { useQuery } from "@apollo/client/react";
import {
  Alert,
  Anchor,
  Button,
  Group,
  MultiSelect,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useDebouncedCallback } from "@mantine/hooks";
import { CoverageStatus, Occupation } from "@sertakan/schema";
import { DataTable, type DataTableSortStatus } from "mantine-datatable";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import type { WorkerOrderField, WorkersQuery } from "../../gql/graphql";
import { describeError } from "../../lib/errors";
import { formatNumber, formatYearMonth } from "../../lib/format";
import { useCanWrite, useViewer } from "../auth/viewer";
import { RegionCascade } from "../regions/region-cascade";
import { WORKERS } from "./graphql/workers.query";
import { ExportWorkersButton } from "./export-workers-button";
import { CoverageStatusBadge } from "./status-badge";
import {
  readWorkerListState,
  toWorkerQuery,
  writeWorkerListState,
  type WorkerListState,
} from "./worker-filters";

export const WORKERS_PAGE_SIZE = 25;

type Row = WorkersQuery["workers"]["nodes"][number];

export function WorkersPage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const canWrite = useCanWrite();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const state = readWorkerListState(params);
  const { filter, orderBy } = toWorkerQuery(state);
  const [searchText, setSearchText] = useState(state.search);

  const { data, previousData, loading, error } = useQuery(WORKERS, {
    variables: { first: WORKERS_PAGE_SIZE, after: state.after, filter, orderBy },
  });
  const workers = (data ?? previousData)?.workers;

  // Any change but paging starts again at the first page (its cursor no longer applies).
  const update = (change: Partial<WorkerListState>) =>
    setParams(writeWorkerListState({ ...state, after: null, page: 1, ...change }));
  const applySearch = useDebouncedCallback((search: string) => update({ search }), 350);

  const sortStatus: DataTableSortStatus<Row> = {
    columnAccessor:
      state.sort === "COVERED_THROUGH"
        ? "coveredThrough"
        : state.sort === "CREATED_AT"
          ? "createdAt"
          : "fullName",
    direction: state.sort ? (state.direction === "DESC" ? "desc" : "asc") : "asc",
  };
  const SORT_OF: Record<string, WorkerOrderField> = {
    fullName: "FULL_NAME",
    coveredThrough: "COVERED_THROUGH",
    createdAt: "CREATED_AT",
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t("workers.title")}</Title>
        <Group>
          <ExportWorkersButton filter={filter} orderBy={orderBy} />
          {canWrite && (
            <>
              <Button component={Link} to="/workers/import" variant="default">
                {t("workers.import")}
              </Button>
              <Button component={Link} to="/workers/new">
                {t("workers.register")}
              </Button>
            </>
          )}
        </Group>
      </Group>
      <Group align="flex-end" wrap="wrap">
        <TextInput
          label={t("workers.search")}
          description={t("workers.searchHint")}
          value={searchText}
          onChange={(e) => {
            setSearchText(e.currentTarget.value);
            applySearch(e.currentTarget.value);
          }}
          w={260}
        />
        <MultiSelect
          label={t("workers.occupation")}
          data={Object.values(Occupation).map((o) => ({ value: o, label: t(`occupation.${o}`) }))}
          value={state.occupations}
          onChange={(v) => update({ occupations: v as WorkerListState["occupations"] })}
          clearable
          w={260}
        />
        <MultiSelect
          label={t("workers.status")}
          data={Object.values(CoverageStatus).map((s) => ({
            value: s,
            label: t(`coverageStatus.${s}`),
          }))}
          value={state.statuses}
          onChange={(v) => update({ statuses: v as WorkerListState["statuses"] })}
          clearable
          w={260}
        />
      </Group>
      <RegionCascade
        value={state.region}
        lockedCode={viewer.regionScope?.code}
        onChange={(region) => update({ region })}
      />
      {error && <Alert color="red">{describeError(error, t)}</Alert>}
      <Text size="sm" c="dimmed" aria-live="polite">
        {workers ? t("workers.count", { total: formatNumber(workers.totalCount) }) : ""}
      </Text>
      <DataTable<Row>
        withTableBorder
        striped
        minHeight={160}
        fetching={loading}
        records={workers?.nodes ?? []}
        noRecordsText={t("workers.none")}
        sortStatus={sortStatus}
        onSortStatusChange={(s) =>
          update({
            sort: SORT_OF[String(s.columnAccessor)] ?? "FULL_NAME",
            direction: s.direction === "desc" ? "DESC" : "ASC",
          })
        }
        onRowClick={({ record }) => navigate(`/workers/${record.id}`)}
        columns={[
          {
            accessor: "fullName",
            title: t("workers.name"),
            sortable: true,
            render: (w) => (
              <Anchor component={Link} to={`/workers/${w.id}`} onClick={(e) => e.stopPropagation()}>
                {w.fullName}
              </Anchor>
            ),
          },
          { accessor: "nik", title: "NIK" },
          {
            accessor: "occupation",
            title: t("workers.occupation"),
            render: (w) => t(`occupation.${w.occupation}`),
          },
          { accessor: "village.name", title: t("workers.village") },
          {
            accessor: "coverageStatus",
            title: t("workers.status"),
            render: (w) => <CoverageStatusBadge status={w.coverageStatus} />,
          },
          {
            accessor: "coveredThrough",
            title: t("workers.coveredThrough"),
            sortable: true,
            render: (w) => formatYearMonth(w.coveredThrough) || "—",
          },
        ]}
      />
      <Group justify="space-between">
        <Text size="sm">{t("common.page", { page: state.page })}</Text>
        <Group>
          <Button
            variant="default"
            disabled={state.page <= 1}
            // Keyset pages: the previous page is where the browser came from.
            onClick={() => (window.history.length > 1 ? navigate(-1) : update({}))}
          >
            {t("common.previous")}
          </Button>
          <Button
            variant="default"
            disabled={!workers?.pageInfo.hasNextPage}
            onClick={() =>
              setParams(
                writeWorkerListState({
                  ...state,
                  after: workers?.pageInfo.endCursor ?? null,
                  page: state.page + 1,
                }),
              )
            }
          >
            {t("common.next")}
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
