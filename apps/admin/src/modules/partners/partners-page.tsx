import { useQuery } from "@apollo/client/react";
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  MultiSelect,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useDebouncedCallback } from "@mantine/hooks";
import { PartnerKind } from "@sertakan/schema";
import { DataTable } from "mantine-datatable";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import type {
  PartnerFilter,
  PartnerKind as PartnerKindType,
  PartnersQuery,
} from "../../gql/graphql";
import { describeError } from "../../lib/errors";
import { formatDate, formatNumber } from "../../lib/format";
import { useCanWrite } from "../auth/viewer";
import { CursorPager } from "../layout/cursor-pager";
import { PARTNERS } from "./graphql/partners.query";

type Row = PartnersQuery["partners"]["nodes"][number];

export function PartnersPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canWrite = useCanWrite();
  const [params, setParams] = useSearchParams();
  const search = params.get("q") ?? "";
  const kinds = (params.get("kind") ?? "")
    .split(",")
    .filter((k): k is PartnerKindType => (Object.values(PartnerKind) as string[]).includes(k));
  const [searchText, setSearchText] = useState(search);
  const filter: PartnerFilter = {};
  if (search) filter.search = search;
  if (kinds.length) filter.kind = kinds;
  const { data, previousData, loading, error } = useQuery(PARTNERS, {
    variables: { first: 25, after: params.get("after"), filter },
  });
  const partners = (data ?? previousData)?.partners;
  const update = (q: string, kind: string[]) => {
    const next = new URLSearchParams();
    if (q) next.set("q", q);
    if (kind.length) next.set("kind", kind.join(","));
    setParams(next);
  };
  const applySearch = useDebouncedCallback((q: string) => update(q, kinds), 350);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t("partners.title")}</Title>
        {canWrite && (
          <Button component={Link} to="/partners/new">
            {t("partnerForm.create")}
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
          label={t("partners.kind")}
          data={Object.values(PartnerKind).map((k) => ({ value: k, label: t(`partnerKind.${k}`) }))}
          value={kinds}
          onChange={(kind) => update(search, kind)}
          clearable
          w={320}
        />
      </Group>
      {error && <Alert color="red">{describeError(error, t)}</Alert>}
      <Text size="sm" c="dimmed" aria-live="polite">
        {partners ? t("partners.count", { total: formatNumber(partners.totalCount) }) : ""}
      </Text>
      <DataTable<Row>
        withTableBorder
        striped
        minHeight={160}
        fetching={loading}
        records={partners?.nodes ?? []}
        noRecordsText={t("partners.none")}
        onRowClick={({ record }) => navigate(`/partners/${record.id}`)}
        columns={[
          {
            accessor: "name",
            title: t("workers.name"),
            render: (p) => (
              <Anchor
                component={Link}
                to={`/partners/${p.id}`}
                onClick={(e) => e.stopPropagation()}
              >
                {p.name}
              </Anchor>
            ),
          },
          {
            accessor: "kind",
            title: t("partners.kind"),
            render: (p) => t(`partnerKind.${p.kind}`),
          },
          { accessor: "region.name", title: t("donors.region") },
          {
            accessor: "agreementEnd",
            title: t("partners.agreementEnd"),
            render: (p) => formatDate(p.agreementEnd) || "—",
          },
          {
            accessor: "active",
            title: t("sponsorship.status"),
            render: (p) => (
              <Badge variant="light" color={p.active ? "teal" : "gray"}>
                {p.active ? t("partners.active") : t("partners.inactive")}
              </Badge>
            ),
          },
        ]}
      />
      <CursorPager
        endCursor={partners?.pageInfo.endCursor}
        hasNextPage={partners?.pageInfo.hasNextPage}
      />
    </Stack>
  );
}
