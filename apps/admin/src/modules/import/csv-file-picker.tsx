import { Button, Card, FileInput, Group, Stack, Text } from "@mantine/core";
import Papa from "papaparse";
import { useState } from "react";
import { downloadText } from "../../lib/download";

type Props<Row> = {
  intro: string;
  templateLabel: string;
  fileLabel: string;
  /** The downloadable template: its file name, header and example rows (none by default). */
  template: { filename: string; columns: readonly string[]; rows?: readonly (readonly string[])[] };
  /** Columns the file must have; their absence is refused before any row is read. */
  required: readonly string[];
  missingMessage: (columns: string) => string;
  /** A further refusal of the whole file (too many rows, say), or null to take it. */
  refuse?: (rows: Row[]) => string | null;
  /** The file's rows, or [] when the file is cleared or refused. */
  onRows: (rows: Row[]) => void;
};

/**
 * The intro, template download and file picker of a CSV upload (the worker import and the bank
 * file): header names trimmed, blank lines skipped, required columns checked.
 */
export function CsvFilePicker<Row>(props: Props<Row>) {
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = (chosen: File | null) => {
    setFile(chosen);
    setError(null);
    props.onRows([]);
    if (!chosen) return;
    Papa.parse<Row>(chosen, {
      header: true,
      skipEmptyLines: "greedy",
      transformHeader: (h) => h.trim(),
      complete: (result) => {
        const missing = props.required.filter((c) => !result.meta.fields?.includes(c));
        const refusal = missing.length
          ? props.missingMessage(missing.join(", "))
          : (props.refuse?.(result.data) ?? null);
        if (refusal) setError(refusal);
        else props.onRows(result.data);
      },
      error: (e) => setError(e.message),
    });
  };

  const downloadTemplate = () =>
    downloadText(
      props.template.filename,
      Papa.unparse({
        fields: [...props.template.columns],
        data: (props.template.rows ?? []).map((r) => [...r]),
      }),
    );

  return (
    <Card withBorder>
      <Stack>
        <Text>{props.intro}</Text>
        <Group>
          <Button variant="default" onClick={downloadTemplate}>
            {props.templateLabel}
          </Button>
        </Group>
        <FileInput
          label={props.fileLabel}
          accept=".csv,text/csv"
          value={file}
          onChange={load}
          clearable
          error={error}
          maw={420}
        />
      </Stack>
    </Card>
  );
}
