import { useMutation } from "@apollo/client/react";
import { Alert, Button, Card, FileInput, Group, Stack, Text, Title } from "@mantine/core";
import Papa from "papaparse";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { downloadText } from "../../lib/download";
import { describeError } from "../../lib/errors";
import { formatNumber, formatRupiah } from "../../lib/format";
import { BankPreview } from "./bank-preview";
import {
  BANK_FILE_COLUMNS,
  type BankCsvRow,
  type BankResult,
  MAX_BANK_ROWS,
  type PreviewRow,
  REQUIRED_COLUMNS,
  TEMPLATE_ROWS,
  inputsOf,
  isChecked,
  needsPick,
  pickDonor,
  previewRows,
  withResult,
} from "./bank-rows";
import { IMPORT_BANK_PAYMENTS } from "./graphql/import-bank-payments.mutation";

// Rows that ask for nothing are shown up to this many; those needing a pick or refused, all.
const QUIET_ROWS_SHOWN = 100;

/** Impor mutasi bank: a bank file's transfers matched to donors, checked, then recorded at once. */
export function BankImportPage() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [rows, setRows] = useState<PreviewRow[]>([]);
  const [parseError, setParseError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<BankResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [send, { loading }] = useMutation(IMPORT_BANK_PAYMENTS);

  const load = (chosen: File | null) => {
    setFile(chosen);
    setRows([]);
    setOutcome(null);
    setParseError(null);
    if (!chosen) return;
    Papa.parse<BankCsvRow>(chosen, {
      header: true,
      skipEmptyLines: "greedy",
      transformHeader: (h) => h.trim(),
      complete: (result) => {
        const missing = REQUIRED_COLUMNS.filter((c) => !result.meta.fields?.includes(c));
        if (missing.length)
          setParseError(t("bankImport.missingColumns", { columns: missing.join(", ") }));
        else if (result.data.length > MAX_BANK_ROWS)
          setParseError(
            t("bankImport.tooMany", {
              n: formatNumber(result.data.length),
              max: formatNumber(MAX_BANK_ROWS),
            }),
          );
        else setRows(previewRows(result.data));
      },
      error: (e) => setParseError(e.message),
    });
  };

  const run = async (dryRun: boolean) => {
    setError(null);
    try {
      const { data } = await send({ variables: { input: { rows: inputsOf(rows), dryRun } } });
      const result = data!.importBankPayments;
      setRows((current) => withResult(current, result));
      setOutcome(result);
    } catch (e) {
      setError(describeError(e, t));
    }
  };

  const pick = (line: number, donor: { id: string; name: string } | null) => {
    setRows((current) => pickDonor(current, line, donor));
    setOutcome(null);
  };

  const template = () =>
    downloadText(
      "templat-mutasi-bank.csv",
      Papa.unparse({ fields: [...BANK_FILE_COLUMNS], data: TEMPLATE_ROWS }),
    );

  const checked = isChecked(rows);
  const attention = (r: PreviewRow) => needsPick(r) || r.result?.outcome === "ERROR";
  const quiet = new Set(rows.filter((r) => !attention(r)).slice(0, QUIET_ROWS_SHOWN));
  const shown = rows.filter((r) => attention(r) || quiet.has(r));
  return (
    <Stack>
      <Title order={1}>{t("bankImport.title")}</Title>
      <Card withBorder>
        <Stack>
          <Text>{t("bankImport.intro")}</Text>
          <Group>
            <Button variant="default" onClick={template}>
              {t("bankImport.template")}
            </Button>
          </Group>
          <FileInput
            label={t("bankImport.file")}
            accept=".csv,text/csv"
            value={file}
            onChange={load}
            clearable
            error={parseError}
            maw={420}
          />
        </Stack>
      </Card>
      {rows.length > 0 && (
        <Card withBorder>
          <Title order={2} size="h4" mb="xs">
            {t("bankImport.preview", { n: formatNumber(rows.length) })}
          </Title>
          <BankPreview rows={shown} onPick={pick} />
          <Group mt="md">
            <Button variant="default" onClick={() => run(true)} loading={loading}>
              {t("bankImport.check")}
            </Button>
            <Button
              onClick={() => run(false)}
              loading={loading}
              // Record only what a dry run has shown, picks included.
              disabled={!checked || !outcome?.dryRun}
            >
              {t("bankImport.record")}
            </Button>
          </Group>
          {!checked && rows.some((r) => r.picked) && (
            <Text size="sm" c="dimmed" mt="xs">
              {t("bankImport.recheck")}
            </Text>
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
            {outcome.dryRun
              ? t("bankImport.dryRunSummary", {
                  ready: formatNumber(outcome.ready),
                  amount: formatRupiah(outcome.readyAmount),
                  already: formatNumber(outcome.alreadyRecorded),
                  unmatched: formatNumber(outcome.unmatched),
                  errors: formatNumber(outcome.errors),
                })
              : t("bankImport.summary", {
                  recorded: formatNumber(outcome.recorded),
                  amount: formatRupiah(outcome.recordedAmount),
                  already: formatNumber(outcome.alreadyRecorded),
                  unmatched: formatNumber(outcome.unmatched),
                  errors: formatNumber(outcome.errors),
                })}
          </Text>
          {!outcome.dryRun && outcome.recorded === 0 && outcome.alreadyRecorded > 0 && (
            <Text mt="xs">{t("bankImport.nothingNew")}</Text>
          )}
        </Card>
      )}
    </Stack>
  );
}
