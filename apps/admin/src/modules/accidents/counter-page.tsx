import { useLazyQuery } from "@apollo/client/react";
import { Alert, Button, Card, Group, Stack, Text, TextInput, Title } from "@mantine/core";
import { isoDateOf } from "@sertakan/schema";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { CoverageCheckQuery } from "../../gql/graphql";
import { describeError } from "../../lib/errors";
import { formatDate, formatYearMonth } from "../../lib/format";
import { COVERAGE_CHECK } from "./graphql/coverage-check.query";

const NIK_PATTERN = /^\d{16}$/;

/**
 * The PLKK counter: an officer types the NIK on the card and the accident day, and gets one
 * unambiguous answer. The API answers an unknown NIK and one outside the officer's region the
 * same way (not covered, no worker), so the page cannot tell them apart either.
 */
export function CounterPage() {
  const { t } = useTranslation();
  const today = isoDateOf(new Date());
  const [nik, setNik] = useState("");
  const [date, setDate] = useState(today);
  const [nikError, setNikError] = useState<string | null>(null);
  const [check, { data, loading, error, called }] = useLazyQuery(COVERAGE_CHECK, {
    fetchPolicy: "network-only",
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const typed = nik.replace(/\s/g, "");
    if (!NIK_PATTERN.test(typed)) {
      setNikError(t("accidents.counter.nikInvalid"));
      return;
    }
    setNikError(null);
    void check({ variables: { nik: typed, date } });
  };

  const answer = called && !loading ? data?.coverageCheck : undefined;

  return (
    <Stack maw={720}>
      <Title order={1}>{t("accidents.counter.title")}</Title>
      <Text c="dimmed">{t("accidents.counter.intro")}</Text>
      <Card withBorder component="form" onSubmit={submit} noValidate>
        <Group align="flex-start" wrap="wrap">
          <TextInput
            label="NIK"
            description={t("accidents.counter.nikHint")}
            value={nik}
            onChange={(e) => setNik(e.currentTarget.value)}
            error={nikError}
            inputMode="numeric"
            autoComplete="off"
            maxLength={20}
            required
            w={240}
            data-autofocus
          />
          <TextInput
            type="date"
            label={t("accidents.counter.date")}
            description={t("accidents.counter.dateHint")}
            value={date}
            max={today}
            onChange={(e) => setDate(e.currentTarget.value || today)}
            required
            w={200}
          />
        </Group>
        <Group mt="md">
          <Button type="submit" loading={loading}>
            {t("accidents.counter.check")}
          </Button>
        </Group>
      </Card>
      {error && <Alert color="red">{describeError(error, t)}</Alert>}
      {answer && <CounterAnswer answer={answer} />}
    </Stack>
  );
}

function CounterAnswer({ answer }: { answer: CoverageCheckQuery["coverageCheck"] }) {
  const { t } = useTranslation();
  const { worker, covered } = answer;
  const month = answer.date.slice(0, 7);
  return (
    <Card
      withBorder
      padding="xl"
      bg={covered ? "teal.0" : "red.0"}
      style={{
        borderColor: covered ? "var(--mantine-color-teal-6)" : "var(--mantine-color-red-6)",
      }}
      role="status"
      aria-live="polite"
      data-testid="counter-answer"
    >
      <Stack gap="xs">
        <Text fz={40} fw={800} lh={1.1} c={covered ? "teal.9" : "red.9"}>
          {covered ? t("accidents.counter.covered") : t("accidents.counter.notCovered")}
        </Text>
        <Text size="lg">
          {t("accidents.counter.onDate", { date: formatDate(answer.date), nik: answer.nik })}
        </Text>
        {worker ? (
          <>
            <Text size="lg" fw={600}>
              {worker.fullName} · {worker.village.name}
            </Text>
            <Text>
              {covered
                ? t("accidents.counter.paidMonth", {
                    month: formatYearMonth(answer.coveredBy?.month),
                  })
                : t("accidents.counter.unpaidMonth", { month: formatYearMonth(month) })}
            </Text>
            <Text c="dimmed">
              {answer.coveredThrough
                ? t("accidents.counter.coveredThrough", {
                    month: formatYearMonth(answer.coveredThrough),
                  })
                : t("accidents.counter.neverPaid")}
            </Text>
            <Group mt="sm">
              <Button
                component={Link}
                to={`/accidents/new?worker=${encodeURIComponent(worker.id)}&date=${answer.date}`}
                color={covered ? "teal" : "red"}
              >
                {t("accidents.counter.report")}
              </Button>
              <Button component={Link} to={`/workers/${worker.id}`} variant="default">
                {t("accidents.counter.openWorker")}
              </Button>
            </Group>
          </>
        ) : (
          <>
            <Text size="lg" fw={600}>
              {t("accidents.counter.unknown")}
            </Text>
            <Text>{t("accidents.counter.unknownHint")}</Text>
          </>
        )}
      </Stack>
    </Card>
  );
}
