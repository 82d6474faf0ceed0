import { useApolloClient } from "@apollo/client/react";
import { Button } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { WorkerFilter, WorkerOrder, WorkersQuery } from "../../gql/graphql";
import { downloadText } from "../../lib/download";
import { describeError } from "../../lib/errors";
import { WORKERS } from "./graphql/workers.query";

// The API's largest page; an export walks every page of the current filter.
const EXPORT_PAGE_SIZE = 200;

export function ExportWorkersButton(props: { filter: WorkerFilter; orderBy: WorkerOrder | null }) {
  const { t } = useTranslation();
  const client = useApolloClient();
  const [progress, setProgress] = useState<number | null>(null);

  const exportCsv = async () => {
    setProgress(0);
    try {
      const rows: Record<string, string>[] = [];
      let after: string | null = null;
      for (;;) {
        const result: { data?: WorkersQuery } = await client.query({
          query: WORKERS,
          variables: {
            first: EXPORT_PAGE_SIZE,
            after,
            filter: props.filter,
            orderBy: props.orderBy,
          },
          fetchPolicy: "no-cache",
        });
        const page: WorkersQuery["workers"] = result.data!.workers;
        for (const w of page.nodes) {
          rows.push({
            nik: w.nik,
            fullName: w.fullName,
            gender: w.gender,
            occupation: w.occupation,
            villageCode: w.village.code,
            village: w.village.name,
            phone: w.phone ?? "",
            membershipNumber: w.membershipNumber ?? "",
            coverageStatus: w.coverageStatus,
            coveredThrough: w.coveredThrough ?? "",
          });
        }
        setProgress(rows.length);
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor ?? null;
      }
      // papaparse is only needed here and in the import: keep it out of the first chunk.
      const Papa = await import("papaparse");
      downloadText("pekerja-sertakan.csv", Papa.unparse(rows));
      notifications.show({ message: t("workers.exported", { n: rows.length }) });
    } catch (e) {
      notifications.show({ color: "red", message: describeError(e, t) });
    } finally {
      setProgress(null);
    }
  };

  return (
    <Button variant="default" onClick={exportCsv} loading={progress !== null}>
      {t("workers.export")}
    </Button>
  );
}
