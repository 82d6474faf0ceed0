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
import { DonorKind } from "@sertakan/schema";
import { DataTable } from "mantine-datatable";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import type { DonorFilter, DonorKind as DonorKindType, DonorsQuery } from "../../gql/graphql";
import { describeError } from "../../lib/errors";
import { formatNumber, formatRupiah } from "../../lib/format";
import { useCanWrite } from "../auth/viewer";
import { DONORS } from "./graphql/donors.query";

type Row = DonorsQuery["donors"]["nodes"][number];
const PAGE_SIZE = 25;

export function DonorsPage() {
  const { t } = useTranslation();
  const canWrite = useCanWrite();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const search = params.get("q") ?? "";
  const kinds = (params.get("kind") ?? "")
    .split(",")
    .filter((k): k is DonorKindType => (Object.values(DonorKind) as string[]).includes(k));
  const after = params.get("after");
  const page = Number(params.get("page")) || 1;
  const [searchText, setSearchText] = useState(search);

  const filter: DonorFilter = {};
  if (search) filter.search = search;
  if (kinds.length) filter.kind = kinds;
  const { data, previousData, loading, error } = useQuery(DONORS, {
    variables: { first: PAGE_SIZE, after, filter },
  });
  const donors = (data ?? previousData)?.donors;

  const update = (change: { q?: string; kind?: string[] }) => {
    const next = new URLSearchParams();
    const q = change.q ?? search;
    const k = change.kind ?? kinds;
    if (q) next.set("q", q);
    if (k.length) next.set("kind", k.join(","));
    setParams(next);
  };
  const applySearch = useDebouncedCallback((q: string) => update({ q }), 350);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t("donors.title")}</Title>
        {canWrite && (
          <Button component={Link} to="/donors/new">
            {t("donors.add")}
          </Button>
        )}
      </Group>
      <Group align="flex-end">
        <TextInput
          label={t("workers.search")}
          value={searchText}
          onChange={(e) => {
            setSearchText(e.currentTarget.value);
            applySearch(e.currentTarget.value);
          }}
          w={260}
        />
        <MultiSelect
          label={t("donors.kind")}
          data={Object.values(DonorKind).map((k) => ({ value: k, label: t(`donorKind.${k}`) }))}
          value={kinds}
          onChange={(kind) => update({ kind })}
          clearable
          w={320}
        />
      </Group>
      {error && <Alert color="red">{describeError(error, t)}</Alert>}
      <Text size="sm" c="dimmed" aria-live="polite">
        {donors ? t("donors.count", { total: formatNumber(donors.totalCount) }) : ""}
      </Text>
      <DataTable<Row>
        withTableBorder
        striped
        minHeight={160}
        fetching={loading}
        records={donors?.nodes ?? []}
        noRecordsText={t("donors.none")}
        onRowClick={({ record }) => navigate(`/donors/${record.id}`)}
        columns={[
          {
            accessor: "name",
            title: t("workers.name"),
            render: (d) => (
              <Anchor component={Link} to={`/donors/${d.id}`} onClick={(e) => e.stopPropagation()}>
                {d.name}
              </Anchor>
            ),
          },
          { accessor: "kind", title: t("donors.kind"), render: (d) => t(`donorKind.${d.kind}`) },
          { accessor: "region.name", title: t("donors.region") },
          {
            accessor: "summary.workersSponsored",
            title: t("donor.summary.workersSponsored"),
            render: (d) => formatNumber(d.summary.workersSponsored),
          },
          {
            accessor: "summary.outstanding",
            title: t("donor.summary.outstanding"),
            render: (d) => formatRupiah(d.summary.outstanding),
          },
        ]}
      />
      <Group justify="space-between">
        <Text size="sm">{t("common.page", { page })}</Text>
        <Group>
          <Button variant="default" disabled={page <= 1} onClick={() => navigate(-1)}>
            {t("common.previous")}
          </Button>
          <Button
            variant="default"
            disabled={!donors?.pageInfo.hasNextPage}
            onClick={() => {
              const next = new URLSearchParams(params);
              next.set("after", donors?.pageInfo.endCursor ?? "");
              next.set("page", String(page + 1));
              setParams(next);
            }}
          >
            {t("common.next")}
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
