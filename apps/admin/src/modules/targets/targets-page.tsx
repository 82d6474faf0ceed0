import { useMutation, useQuery } from "@apollo/client/react";
import {
  Alert,
  Button,
  Card,
  Fieldset,
  Group,
  NumberInput,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { currentYearMonth } from "@sertakan/schema";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { describeError, fieldErrorsOf } from "../../lib/errors";
import { formatNumber, formatPercent } from "../../lib/format";
import { refreshAfterWrite } from "../../lib/refresh";
import { useIsAdmin, useViewer } from "../auth/viewer";
import { REGIONAL_TARGETS } from "../dashboard/graphql/regional-targets.query";
import { RegionCascade } from "../regions/region-cascade";
import { SET_REGIONAL_TARGET } from "./graphql/set-regional-target.mutation";

/** Every regional target of a year with its progress; a national ADMIN sets them. */
export function TargetsPage() {
  const { t } = useTranslation();
  const isAdmin = useIsAdmin();
  const [params, setParams] = useSearchParams();
  const thisYear = Number(currentYearMonth().slice(0, 4));
  const year = Number(params.get("year")) || thisYear;
  const { data, loading, error } = useQuery(REGIONAL_TARGETS, { variables: { year } });
  const targets = data?.regionalTargets ?? [];

  return (
    <Stack>
      <Title order={1}>{t("targets.title")}</Title>
      <NumberInput
        label={t("targets.year")}
        value={year}
        min={2015}
        max={thisYear + 5}
        allowDecimal={false}
        thousandSeparator=""
        onChange={(v) => typeof v === "number" && setParams({ year: String(v) }, { replace: true })}
        w={140}
      />
      {error && <Alert color="red">{describeError(error, t)}</Alert>}
      {!loading && targets.length === 0 && <Text c="dimmed">{t("targets.none")}</Text>}
      {targets.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("donors.region")}</Table.Th>
                <Table.Th>{t("targets.informal")}</Table.Th>
                <Table.Th>{t("targets.baseline")}</Table.Th>
                <Table.Th>{t("targets.target")}</Table.Th>
                <Table.Th>{t("targets.covered")}</Table.Th>
                <Table.Th>{t("dashboard.target.attainment")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {targets.map((x) => (
                <Table.Tr key={x.id}>
                  <Table.Td>
                    {x.region.name}
                    {x.note && (
                      <Text size="xs" c="dimmed">
                        {x.note}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{formatNumber(x.informalWorkers)}</Table.Td>
                  <Table.Td>{formatNumber(x.baselineCovered)}</Table.Td>
                  <Table.Td>{formatNumber(x.targetCovered)}</Table.Td>
                  <Table.Td>{formatNumber(x.progress.covered)}</Table.Td>
                  <Table.Td miw={160}>
                    <Text size="sm">{formatPercent(x.progress.attainment)}</Text>
                    <Progress
                      value={Math.min(100, x.progress.attainment * 100)}
                      aria-label={`${t("dashboard.target.attainment")} ${x.region.name}`}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {isAdmin && <TargetForm year={year} />}
    </Stack>
  );
}

type Values = {
  regionCode: string;
  year: number | string;
  informalWorkers: number | string;
  baselineCovered: number | string;
  targetCovered: number | string;
  note: string;
};

function TargetForm({ year }: { year: number }) {
  const { t } = useTranslation();
  const viewer = useViewer();
  // The table here and the dashboard's target card.
  const [save, { loading }] = useMutation(
    SET_REGIONAL_TARGET,
    refreshAfterWrite(["regionalTargets"]),
  );
  const whole = (v: number | string) =>
    typeof v === "number" && Number.isInteger(v) && v >= 0 ? null : t("targets.wholeNumber");
  const form = useForm<Values>({
    initialValues: {
      regionCode: viewer.regionScope?.code ?? "",
      year,
      informalWorkers: "",
      baselineCovered: "",
      targetCovered: "",
      note: "",
    },
    validate: {
      regionCode: (v) => (v ? null : t("form.required")),
      year: whole,
      informalWorkers: whole,
      baselineCovered: whole,
      targetCovered: whole,
    },
  });
  const submit = form.onSubmit(async (v) => {
    try {
      await save({
        variables: {
          input: {
            regionCode: v.regionCode,
            year: Number(v.year),
            informalWorkers: Number(v.informalWorkers),
            baselineCovered: Number(v.baselineCovered),
            targetCovered: Number(v.targetCovered),
            note: v.note.trim() || null,
          },
        },
      });
      notifications.show({ color: "teal", message: t("common.saved") });
    } catch (e) {
      const fields = fieldErrorsOf(e, t);
      if (Object.keys(fields).length) form.setErrors(fields);
      else notifications.show({ color: "red", message: describeError(e, t) });
    }
  });
  const numberProps = {
    allowDecimal: false,
    min: 0,
    thousandSeparator: ".",
    decimalSeparator: ",",
  };
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        {t("targets.set")}
      </Title>
      <form onSubmit={submit} noValidate aria-label={t("targets.set")}>
        <Stack>
          <Fieldset legend={t("donors.region")} variant="unstyled">
            <RegionCascade
              value={form.values.regionCode}
              onChange={(code) => form.setFieldValue("regionCode", code)}
              error={form.errors.regionCode as string | undefined}
            />
          </Fieldset>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
            <NumberInput
              label={t("targets.year")}
              {...numberProps}
              thousandSeparator=""
              {...form.getInputProps("year")}
            />
            <NumberInput
              label={t("targets.informal")}
              {...numberProps}
              {...form.getInputProps("informalWorkers")}
            />
            <NumberInput
              label={t("targets.baseline")}
              {...numberProps}
              {...form.getInputProps("baselineCovered")}
            />
            <NumberInput
              label={t("targets.target")}
              {...numberProps}
              {...form.getInputProps("targetCovered")}
            />
          </SimpleGrid>
          <TextInput label={t("targets.note")} {...form.getInputProps("note")} />
          <Group>
            <Button type="submit" loading={loading}>
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
