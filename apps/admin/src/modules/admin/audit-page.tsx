import { useQuery } from "@apollo/client/react";
import { Alert, Code, Stack, Text, TextInput, Title } from "@mantine/core";
import { useDebouncedCallback } from "@mantine/hooks";
import { DataTable } from "mantine-datatable";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import type { AuditLogQuery } from "../../gql/graphql";
import { describeError } from "../../lib/errors";
import { formatDateTime, formatNumber } from "../../lib/format";
import { CursorPager } from "../layout/cursor-pager";
import { AUDIT_LOG } from "./graphql/audit-log.query";

type Row = AuditLogQuery["auditLog"]["nodes"][number];

/** Who changed what and when, newest first (national ADMIN). */
export function AuditPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const entity = params.get("entity") ?? "";
  const [entityText, setEntityText] = useState(entity);
  const { data, previousData, loading, error } = useQuery(AUDIT_LOG, {
    variables: { first: 50, after: params.get("after"), entity: entity || null },
  });
  const log = (data ?? previousData)?.auditLog;
  const applyEntity = useDebouncedCallback(
    (value: string) => setParams(value.trim() ? { entity: value.trim() } : {}),
    350,
  );
  return (
    <Stack>
      <Title order={1}>{t("audit.title")}</Title>
      <TextInput
        label={t("audit.entity")}
        description={t("audit.entityHint")}
        value={entityText}
        onChange={(e) => {
          setEntityText(e.currentTarget.value);
          applyEntity(e.currentTarget.value);
        }}
        w={260}
      />
      {error && <Alert color="red">{describeError(error, t)}</Alert>}
      <Text size="sm" c="dimmed" aria-live="polite">
        {log ? t("audit.count", { total: formatNumber(log.totalCount) }) : ""}
      </Text>
      <DataTable<Row>
        // Wider than a phone and holding no link: focusable, so the keyboard can scroll it.
        scrollAreaProps={{ viewportProps: { tabIndex: 0, "aria-label": t("audit.title") } }}
        withTableBorder
        striped
        minHeight={160}
        fetching={loading}
        records={log?.nodes ?? []}
        noRecordsText={t("audit.none")}
        columns={[
          {
            accessor: "at",
            title: t("audit.at"),
            noWrap: true,
            render: (r) => formatDateTime(r.at),
          },
          { accessor: "actor", title: t("audit.actor") },
          { accessor: "action", title: t("audit.action") },
          { accessor: "entity", title: t("audit.entity") },
          {
            accessor: "changes",
            title: t("audit.changes"),
            render: (r) =>
              r.changes ? (
                <Code
                  block
                  // Wrapped anywhere: a long JSON value never makes a box to scroll.
                  style={{ maxWidth: 420, whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}
                >
                  {JSON.stringify(r.changes).slice(0, 400)}
                </Code>
              ) : (
                "—"
              ),
          },
        ]}
      />
      <CursorPager endCursor={log?.pageInfo.endCursor} hasNextPage={log?.pageInfo.hasNextPage} />
    </Stack>
  );
}
