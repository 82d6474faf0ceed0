import { useApolloClient } from "@apollo/client/react";
import { Button } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { AccidentReportFilter, AccidentReportsQuery } from "../../gql/graphql";
import { downloadText } from "../../lib/download";
import { describeError } from "../../lib/errors";
import { accidentCsvRow } from "./accident-csv";
import { ACCIDENT_REPORTS } from "./graphql/accident-reports.query";

// The API's largest page; an export walks every page of the current filter.
const EXPORT_PAGE_SIZE = 200;

export function ExportAccidentsButton({ filter }: { filter: AccidentReportFilter }) {
  const { t } = useTranslation();
  const client = useApolloClient();
  const [busy, setBusy] = useState(false);

  const exportCsv = async () => {
    setBusy(true);
    try {
      const rows: Record<string, string>[] = [];
      let after: string | null = null;
      for (;;) {
        const result: { data?: AccidentReportsQuery } = await client.query({
          query: ACCIDENT_REPORTS,
          variables: { first: EXPORT_PAGE_SIZE, after, filter },
          fetchPolicy: "no-cache",
        });
        const page: AccidentReportsQuery["accidentReports"] = result.data!.accidentReports;
        rows.push(...page.nodes.map(accidentCsvRow));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor ?? null;
      }
      const Papa = await import("papaparse");
      downloadText("kecelakaan-kerja-sertakan.csv", Papa.unparse(rows));
      notifications.show({ message: t("accidents.list.exported", { n: rows.length }) });
    } catch (e) {
      notifications.show({ color: "red", message: describeError(e, t) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button variant="default" onClick={exportCsv} loading={busy}>
      {t("accidents.list.export")}
    </Button>
  );
}
