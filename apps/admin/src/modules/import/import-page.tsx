import { useMutation } from "@apollo/client/react";
import { Alert, Button, Card, Group, Progress, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ImportWorkersMutation } from "../../gql/graphql";
import { describeError } from "../../lib/errors";
import { formatNumber } from "../../lib/format";
import { refreshAfterWrite, WORKERS_ADDED_FIELDS } from "../../lib/refresh";
import { CsvFilePicker } from "./csv-file-picker";
import { prepareRow, TEMPLATE_COLUMNS, type CsvRow, type PreparedRow } from "./csv-rows";
import { IMPORT_WORKERS } from "./graphql/import-workers.mutation";

type RowError = Pick<
  ImportWorkersMutation["importWorkers"]["errors"][number],
  "row" | "field" | "message"
>;
type Outcome = { created: number; duplicates: number; errors: RowError[]; dryRun: boolean };

// Smaller than the API's 5,000-row limit so the progress bar moves and one slow call
// never holds the whole file.
const CHUNK = 500;
const PREVIEW_ROWS = 10;

/** The CSV line a 0-based data row came from (line 1 is the header). */
const lineOf = (row: number) => row + 2;

export function ImportPage() {
  const { t } = useTranslation();
  const [rows, setRows] = useState<PreparedRow[]>([]);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [importWorkers] = useMutation(IMPORT_WORKERS);

  const run = async (dryRun: boolean) => {
    setError(null);
    setOutcome(null);
    setProgress(0);
    // Rows refused in the browser are reported alongside the API's, by their CSV line.
    const local: RowError[] = [];
    const sent: { index: number; input: Extract<PreparedRow, { input: unknown }>["input"] }[] = [];
    rows.forEach((r, index) => {
      if ("error" in r) {
        local.push({
          row: index,
          field: r.error.field,
          message: t(r.error.key, { detail: r.error.detail ?? "" }),
        });
      } else sent.push({ index, input: r.input });
    });
    const total: Outcome = { created: 0, duplicates: 0, errors: local, dryRun };
    try {
      for (let start = 0; start < sent.length; start += CHUNK) {
        const chunk = sent.slice(start, start + CHUNK);
        const { data } = await importWorkers({
          variables: { rows: chunk.map((c) => c.input), dryRun },
          // A dry run writes nothing; an import adds to every list and count of workers.
          ...(dryRun ? {} : refreshAfterWrite(WORKERS_ADDED_FIELDS)),
        });
        const r = data!.importWorkers;
        total.created += r.created;
        total.duplicates += r.duplicates;
        total.errors.push(...r.errors.map((e) => ({ ...e, row: chunk[e.row].index })));
        setProgress(Math.min(sent.length, start + CHUNK));
      }
      total.errors.sort((a, b) => a.row - b.row);
      setOutcome(total);
    } catch (e) {
      setError(describeError(e, t));
    } finally {
      setProgress(null);
    }
  };

  return (
    <Stack>
      <Title order={1}>{t("import.title")}</Title>
      <CsvFilePicker<CsvRow>
        intro={t("import.intro")}
        templateLabel={t("import.template")}
        fileLabel={t("import.file")}
        template={{ filename: "templat-impor-pekerja.csv", columns: TEMPLATE_COLUMNS }}
        // The first four columns are required; the rest may be left out.
        required={TEMPLATE_COLUMNS.slice(0, 4)}
        missingMessage={(columns) => t("import.missingColumns", { columns })}
        onRows={(data) => {
          setRows(data.map(prepareRow));
          setOutcome(null);
        }}
      />
      {rows.length > 0 && (
        <Card withBorder>
          <Title order={2} size="h4" mb="xs">
            {t("import.preview", { n: formatNumber(rows.length) })}
          </Title>
          <Table.ScrollContainer minWidth={600}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("import.line")}</Table.Th>
                  <Table.Th>NIK</Table.Th>
                  <Table.Th>{t("worker.fullName")}</Table.Th>
                  <Table.Th>{t("workers.occupation")}</Table.Th>
                  <Table.Th>{t("import.villageCode")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.slice(0, PREVIEW_ROWS).map((r, i) => (
                  <Table.Tr key={i}>
                    <Table.Td>{lineOf(i)}</Table.Td>
                    {"input" in r ? (
                      <>
                        <Table.Td>{r.input.nik}</Table.Td>
                        <Table.Td>{r.input.fullName}</Table.Td>
                        <Table.Td>{t(`occupation.${r.input.occupation}`)}</Table.Td>
                        <Table.Td>{r.input.villageCode}</Table.Td>
                      </>
                    ) : (
                      <Table.Td colSpan={4} c="red">
                        {t(r.error.key, { detail: r.error.detail ?? "" })}
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Group mt="md">
            <Button variant="default" onClick={() => run(true)} loading={progress !== null}>
              {t("import.dryRun")}
            </Button>
            <Button
              onClick={() => run(false)}
              loading={progress !== null}
              // Import only what a dry run has seen, so every row error was shown first.
              disabled={!outcome?.dryRun}
            >
              {t("import.run")}
            </Button>
          </Group>
          {progress !== null && (
            <Progress
              mt="sm"
              value={(progress / Math.max(1, rows.length)) * 100}
              aria-label={t("import.progress")}
              animated
            />
          )}
        </Card>
      )}
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {outcome && (
        <Card withBorder aria-live="polite">
          <Text fw={600}>
            {t(outcome.dryRun ? "import.dryRunResult" : "import.result", {
              ok: formatNumber(rows.length - outcome.errors.length - outcome.duplicates),
              created: formatNumber(outcome.created),
              duplicates: formatNumber(outcome.duplicates),
              errors: formatNumber(outcome.errors.length),
            })}
          </Text>
          {outcome.errors.length > 0 && (
            <Table.ScrollContainer minWidth={600} mt="sm">
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("import.line")}</Table.Th>
                    <Table.Th>{t("import.field")}</Table.Th>
                    <Table.Th>{t("import.problem")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {outcome.errors.map((e, i) => (
                    <Table.Tr key={i}>
                      <Table.Td>{lineOf(e.row)}</Table.Td>
                      <Table.Td>{e.field ?? "—"}</Table.Td>
                      <Table.Td>{e.message}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Card>
      )}
    </Stack>
  );
}
