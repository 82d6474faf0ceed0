import { totalPayable } from "@sertakan/schema";
import { useQuery } from "@apollo/client/react";
import { Alert, Badge, Button, Group, Select, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { TFunction } from "i18next";
import { DataTable, type DataTableColumn } from "mantine-datatable";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { downloadText } from "../../lib/download";
import { describeError } from "../../lib/errors";
import { formatNumber, formatRupiah, formatYearMonth } from "../../lib/format";
import { useViewer } from "../auth/viewer";
import { DEFAULT_REGION } from "../dashboard/dashboard-page";
import { RegionCascade } from "../regions/region-cascade";
import {
  agentFeeCsvRows,
  agentFeesFilename,
  agentFeeTotals,
  feeMonthOptions,
  readAgentFeesParams,
  type AgentFeeRow,
  type AgentFeeTotals,
} from "./agent-fees";
import { AGENT_COMMISSIONS } from "./graphql/agent-commissions.query";

/** The Perisai agents of a region and what each earned in a month (Perdir 13/2022). */
export function AgentFeesPage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const [params, setParams] = useSearchParams();
  const { month, region } = readAgentFeesParams(params, viewer.regionScope?.code || DEFAULT_REGION);

  // Fees move with every recruit's payment recorded elsewhere: show what is kept, ask again.
  const { data, loading, error } = useQuery(AGENT_COMMISSIONS, {
    variables: { month, regionCode: region },
    fetchPolicy: "cache-and-network",
  });
  const rows = data?.agentCommissions ?? [];
  const totals = agentFeeTotals(rows);
  const regionName = data?.region?.name ?? region;

  const update = (change: { month?: string; region?: string }) => {
    const next = new URLSearchParams();
    next.set("month", change.month ?? month);
    const code = change.region ?? region;
    if (code) next.set("region", code);
    setParams(next, { replace: true });
  };

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <Title order={1}>
          {data
            ? t("commissions.heading", { month: formatYearMonth(month), region: regionName })
            : t("commissions.title")}
        </Title>
        <Group className="no-print">
          <ExportAgentFeesButton rows={rows} region={region} month={month} />
          <Button variant="default" onClick={() => window.print()} disabled={!rows.length}>
            {t("commissions.print")}
          </Button>
        </Group>
      </Group>
      <Group align="flex-start" wrap="wrap" className="no-print">
        <Select
          label={t("commissions.month")}
          data={feeMonthOptions(month).map((m) => ({ value: m, label: formatYearMonth(m) }))}
          value={month}
          onChange={(m) => m && update({ month: m })}
          allowDeselect={false}
          w={200}
          comboboxProps={{ withinPortal: true }}
        />
        <RegionCascade
          value={region}
          lockedCode={viewer.regionScope?.code}
          onChange={(code) => update({ region: code })}
        />
      </Group>
      {error && (
        <Alert color="red" role="alert">
          {describeError(error, t)}
        </Alert>
      )}
      <Text size="sm" c="dimmed" aria-live="polite" className="no-print">
        {data ? t("commissions.count", { total: formatNumber(rows.length) }) : ""}
      </Text>
      <DataTable<AgentFeeRow>
        withTableBorder
        striped
        minHeight={160}
        fetching={loading && !data}
        idAccessor={(row) => row.agent.id}
        records={rows}
        noRecordsText={t("commissions.none")}
        columns={feeColumns(t, rows.length ? totals : null)}
        // Wider than its box and holding no link: focusable, so the keyboard can scroll it.
        scrollAreaProps={{ viewportProps: { tabIndex: 0, "aria-label": t("commissions.title") } }}
      />
      {totals.suspended > 0 && (
        <Text size="sm">{t("commissions.suspendedCount", { n: totals.suspended })}</Text>
      )}
      <Text size="sm" c="dimmed">
        {t("commissions.rules")}
      </Text>
    </Stack>
  );
}

/** The table's columns; `totals` fills the footer row (none for an empty table). */
function feeColumns(t: TFunction, totals: AgentFeeTotals | null): DataTableColumn<AgentFeeRow>[] {
  const money = (
    accessor: "acquisitionFee" | "contributionFee" | "agentFee" | "institutionFee",
  ): DataTableColumn<AgentFeeRow> => ({
    accessor,
    title: t(`commissions.column.${accessor}`),
    textAlign: "right",
    render: (row) => formatRupiah(row[accessor]),
    footer: totals && formatRupiah(totals[accessor]),
  });
  return [
    {
      accessor: "agent.name",
      title: t("commissions.column.agent"),
      footer: totals && t("commissions.totals"),
    },
    { accessor: "agent.region.name", title: t("commissions.column.region") },
    {
      accessor: "newRecruits",
      title: t("commissions.column.newRecruits"),
      textAlign: "right",
      render: (row) => formatNumber(row.newRecruits),
      footer: totals && formatNumber(totals.newRecruits),
    },
    {
      accessor: "paidMonths",
      title: t("commissions.column.paidMonths"),
      textAlign: "right",
      render: (row) => formatNumber(row.paidMonths),
      footer: totals && formatNumber(totals.paidMonths),
    },
    money("acquisitionFee"),
    money("contributionFee"),
    money("agentFee"),
    money("institutionFee"),
    {
      accessor: "total",
      title: t("commissions.column.total"),
      textAlign: "right",
      render: (row) => <Text fw={600}>{formatRupiah(totalPayable(row))}</Text>,
      footer: totals && formatRupiah(totals.total),
    },
    {
      accessor: "suspended",
      title: t("commissions.column.status"),
      render: (row) =>
        row.suspended ? (
          <Badge color="red" variant="light" title={t("commissions.suspendedReason")}>
            {t("commissions.suspended")}
          </Badge>
        ) : (
          <Badge color="teal" variant="light">
            {t("commissions.active")}
          </Badge>
        ),
    },
  ];
}

/** The rows on screen as CSV, with raw figures (the list is one page: every agent). */
function ExportAgentFeesButton(props: {
  rows: readonly AgentFeeRow[];
  region: string;
  month: string;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);

  const exportCsv = async () => {
    setBusy(true);
    try {
      // papaparse is only needed here and in the import: keep it out of the first chunk.
      const Papa = await import("papaparse");
      const csv = Papa.unparse(agentFeeCsvRows(props.rows));
      downloadText(agentFeesFilename(props.region, props.month), csv);
      notifications.show({ message: t("commissions.exported", { n: props.rows.length }) });
    } catch (e) {
      notifications.show({ color: "red", message: describeError(e, t) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button variant="default" onClick={exportCsv} loading={busy} disabled={!props.rows.length}>
      {t("commissions.export")}
    </Button>
  );
}
