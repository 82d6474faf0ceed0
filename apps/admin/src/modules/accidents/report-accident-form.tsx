import {
  Alert,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { AccidentCause, jakartaInstant } from "@sertakan/schema";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { AccidentCause as AccidentCauseType } from "../../gql/graphql";
import { placeFieldErrors, type FieldErrors } from "../../lib/errors";

export type ReportAccidentValues = {
  nik: string;
  partnerId: string;
  /** The accident's day and time on the clock in Klaten (Asia/Jakarta, UTC+7). */
  date: string;
  time: string;
  place: string;
  cause: AccidentCauseType | "";
  description: string;
  reporterName: string;
  reporterPhone: string;
};

export type ReportAccidentSubmit = {
  nik: string | null;
  partnerId: string;
  occurredAt: string;
  place: string;
  cause: AccidentCauseType;
  description: string | null;
  reporterName: string;
  reporterPhone: string | null;
};

type Props = {
  /** The worker, when known (from the counter or the worker page); else a NIK is typed. */
  worker: { fullName: string; nik: string; village: string } | null;
  plkk: { value: string; label: string }[];
  initialDate: string;
  today: string;
  onSubmit: (
    values: ReportAccidentSubmit,
  ) => Promise<{ fieldErrors?: FieldErrors; error?: string } | void>;
  submitting?: boolean;
};

// The API names these input fields; the form shows each next to its control.
const FIELD_OF: Record<string, keyof ReportAccidentValues> = {
  nik: "nik",
  partnerId: "partnerId",
  occurredAt: "date",
  place: "place",
  cause: "cause",
  reporterName: "reporterName",
  reporterPhone: "reporterPhone",
  description: "description",
};

const orNull = (value: string) => (value.trim() ? value.trim() : null);

export function ReportAccidentForm({
  worker,
  plkk,
  initialDate,
  today,
  onSubmit,
  submitting,
}: Props) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<string | null>(null);
  const required = (value: string) => (value.trim() ? null : t("form.required"));
  const form = useForm<ReportAccidentValues>({
    initialValues: {
      nik: "",
      partnerId: plkk.length === 1 ? plkk[0].value : "",
      date: initialDate,
      time: "",
      place: "",
      cause: "",
      description: "",
      reporterName: "",
      reporterPhone: "",
    },
    validate: {
      nik: (value) =>
        worker || /^\d{16}$/.test(value.trim()) ? null : t("accidents.counter.nikInvalid"),
      partnerId: required,
      date: required,
      time: required,
      place: required,
      cause: required,
      reporterName: required,
    },
  });

  const submit = form.onSubmit(async (v) => {
    setFormError(null);
    const outcome = await onSubmit({
      nik: worker ? null : v.nik.trim(),
      partnerId: v.partnerId,
      occurredAt: jakartaInstant(v.date, v.time).toISOString(),
      place: v.place.trim(),
      cause: v.cause as AccidentCauseType,
      description: orNull(v.description),
      reporterName: v.reporterName.trim(),
      reporterPhone: orNull(v.reporterPhone),
    });
    if (!outcome) return;
    if (outcome.fieldErrors) {
      const renamed: FieldErrors = {};
      for (const [field, message] of Object.entries(outcome.fieldErrors))
        renamed[FIELD_OF[field] ?? field] = message;
      const { atFields, elsewhere } = placeFieldErrors(renamed, Object.values(FIELD_OF));
      form.setErrors(atFields);
      setFormError(elsewhere);
    } else if (outcome.error) setFormError(outcome.error);
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack maw={720}>
        {worker ? (
          <Card withBorder>
            <Text size="sm" c="dimmed">
              {t("accidents.form.worker")}
            </Text>
            <Text fw={600}>
              {worker.fullName} · {worker.village}
            </Text>
            <Text size="sm">NIK {worker.nik}</Text>
          </Card>
        ) : (
          <TextInput
            label="NIK"
            description={t("accidents.counter.nikHint")}
            inputMode="numeric"
            autoComplete="off"
            required
            {...form.getInputProps("nik")}
          />
        )}
        <Select
          label={t("accidents.form.plkk")}
          description={t("accidents.form.plkkHint")}
          data={plkk}
          searchable
          required
          nothingFoundMessage={t("common.nothingFound")}
          {...form.getInputProps("partnerId")}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            type="date"
            label={t("accidents.form.date")}
            max={today}
            required
            {...form.getInputProps("date")}
          />
          <TextInput
            type="time"
            label={t("accidents.form.time")}
            description={t("accidents.form.timeHint")}
            required
            {...form.getInputProps("time")}
          />
        </SimpleGrid>
        <TextInput label={t("accidents.form.place")} required {...form.getInputProps("place")} />
        <Select
          label={t("accidents.form.cause")}
          data={Object.values(AccidentCause).map((c) => ({
            value: c,
            label: t(`accidents.cause.${c}`),
          }))}
          required
          {...form.getInputProps("cause")}
        />
        <Textarea
          label={t("accidents.form.description")}
          autosize
          minRows={2}
          {...form.getInputProps("description")}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t("accidents.form.reporterName")}
            required
            {...form.getInputProps("reporterName")}
          />
          <TextInput
            label={t("accidents.form.reporterPhone")}
            inputMode="tel"
            {...form.getInputProps("reporterPhone")}
          />
        </SimpleGrid>
        {formError && <Alert color="red">{formError}</Alert>}
        <Group>
          <Button type="submit" loading={submitting}>
            {t("accidents.form.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
