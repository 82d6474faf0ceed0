import { useMutation } from "@apollo/client/react";
import { Alert, Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { describeError } from "../../lib/errors";
import { formatNumber, formatRupiah } from "../../lib/format";
import { COVER_FIELDS, refreshAfterWrite } from "../../lib/refresh";
import { CsvFilePicker } from "../import/csv-file-picker";
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
  const [rows, setRows] = useState<PreviewRow[]>([]);
  const [outcome, setOutcome] = useState<BankResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [send, { loading }] = useMutation(IMPORT_BANK_PAYMENTS);

  const run = async (dryRun: boolean) => {
    setError(null);
    try {
      const { data } = await send({
        variables: { input: { rows: inputsOf(rows), dryRun } },
        // A dry run writes nothing; recorded payments move donors' figures and workers' cover.
        ...(dryRun ? {} : refreshAfterWrite([...COVER_FIELDS, "payments"])),
      });
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

  const checked = isChecked(rows);
  const attention = (r: PreviewRow) => needsPick(r) || r.result?.outcome === "ERROR";
  const quiet = new Set(rows.filter((r) => !attention(r)).slice(0, QUIET_ROWS_SHOWN));
  const shown = rows.filter((r) => attention(r) || quiet.has(r));
  return (
    <Stack>
      <Title order={1}>{t("bankImport.title")}</Title>
      <CsvFilePicker<BankCsvRow>
        intro={t("bankImport.intro")}
        templateLabel={t("bankImport.template")}
        fileLabel={t("bankImport.file")}
        template={{
          filename: "templat-mutasi-bank.csv",
          columns: BANK_FILE_COLUMNS,
          rows: TEMPLATE_ROWS,
        }}
        required={REQUIRED_COLUMNS}
        missingMessage={(columns) => t("bankImport.missingColumns", { columns })}
        refuse={(data) =>
          data.length > MAX_BANK_ROWS
            ? t("bankImport.tooMany", {
                n: formatNumber(data.length),
                max: formatNumber(MAX_BANK_ROWS),
              })
            : null
        }
        onRows={(data) => {
          setRows(previewRows(data));
          setOutcome(null);
        }}
      />
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
