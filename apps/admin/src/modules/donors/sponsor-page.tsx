import { useMutation, useQuery } from "@apollo/client/react";
import {
  Alert,
  Button,
  Card,
  Group,
  Loader,
  Modal,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useDebouncedValue, useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import {
  MAX_SPONSORSHIP_MONTHS,
  MIN_DECLARED_INCOME,
  addMonths,
  currentYearMonth,
  endMonthOf,
} from "@sertakan/schema";
import { DataTable } from "mantine-datatable";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import type { PickWorkersQuery, ProgramPackage } from "../../gql/graphql";
import { newVisitKey } from "../../lib/idempotency";
import { describeError, fieldErrorsOf } from "../../lib/errors";
import { formatNumber, formatRupiah, formatYearMonth } from "../../lib/format";
import { COVER_FIELDS, refreshAfterWrite } from "../../lib/refresh";
import { CoverageStatusBadge } from "../workers/status-badge";
import { DONOR } from "./graphql/donor.query";
import { PICK_WORKERS } from "./graphql/pick-workers.query";
import { SPONSOR_WORKERS } from "./graphql/sponsor-workers.mutation";
import { liveQuote } from "./live-quote";

type Picked = PickWorkersQuery["workers"]["nodes"][number];

/** Pick workers, a package and months, see the price as it changes, confirm. */
export function SponsorPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const donor = useQuery(DONOR, { variables: { id } });
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search, 300);
  const [picked, setPicked] = useState<Picked[]>([]);
  const [pkg, setPkg] = useState<ProgramPackage>("JKK_JKM");
  const [income, setIncome] = useState<number | string>(MIN_DECLARED_INCOME);
  const now = currentYearMonth();
  const [startMonth, setStartMonth] = useState<string>(now);
  const [months, setMonths] = useState<number | string>(12);
  const [confirming, confirm] = useDisclosure(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  // One key per visit: a retried confirm after a lost answer writes nothing twice.
  const idempotencyKey = useMemo(newVisitKey, []);

  const candidates = useQuery(PICK_WORKERS, {
    variables: { filter: debounced.trim() ? { search: debounced.trim() } : {} },
  });
  // The donor's page opens from the cache next: the donor (refetched, it is on screen here)
  // must hold the new outstanding amount before we go there, or the page shows the old one.
  const [sponsor, { loading: saving }] = useMutation(
    SPONSOR_WORKERS,
    refreshAfterWrite(COVER_FIELDS),
  );

  const quote = liveQuote(
    pkg as "JKK_JKM" | "JKK_JKM_JHT",
    typeof income === "number" ? income : null,
    typeof months === "number" ? months : 0,
    Math.max(picked.length, 1),
  );
  const monthOptions = Array.from({ length: 13 }, (_, i) => {
    const ym = addMonths(now, i - 1);
    return { value: ym, label: formatYearMonth(ym) };
  });

  const submit = async () => {
    setErrors({});
    setFormError(null);
    try {
      await sponsor({
        variables: {
          input: {
            donorId: id,
            workerIds: picked.map((w) => w.id),
            package: pkg,
            declaredIncome: typeof income === "number" ? income : null,
            startMonth,
            months: Number(months),
            idempotencyKey,
          },
        },
      });
      confirm.close();
      notifications.show({ color: "teal", message: t("sponsor.done", { n: picked.length }) });
      navigate(`/donors/${id}`);
    } catch (e) {
      confirm.close();
      const fields = fieldErrorsOf(e, t);
      if (Object.keys(fields).length) setErrors(fields);
      else setFormError(describeError(e, t));
    }
  };

  if (donor.loading && !donor.data) return <Loader aria-label={t("common.loading")} />;
  if (donor.error) return <Alert color="red">{describeError(donor.error, t)}</Alert>;
  const d = donor.data?.donor;
  if (!d) return <Alert color="yellow">{t("errors.NOT_FOUND")}</Alert>;

  const workersError = errors.workerIds ?? errors.startMonth ?? errors.months;
  return (
    <Stack>
      <Title order={1}>{t("sponsor.title", { donor: d.name })}</Title>
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          {t("sponsor.pick")}
        </Title>
        <TextInput
          label={t("workers.search")}
          description={t("workers.searchHint")}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          maw={360}
          mb="sm"
        />
        <DataTable<Picked>
          withTableBorder
          minHeight={120}
          fetching={candidates.loading}
          records={candidates.data?.workers.nodes ?? []}
          selectedRecords={picked}
          onSelectedRecordsChange={setPicked}
          // The selection survives new searches: pick from several result lists.
          idAccessor="id"
          allRecordsSelectionCheckboxProps={{ "aria-label": t("sponsor.selectAll") }}
          getRecordSelectionCheckboxProps={(w) => ({
            "aria-label": t("sponsor.select", { name: w.fullName }),
          })}
          noRecordsText={t("workers.none")}
          columns={[
            { accessor: "fullName", title: t("workers.name") },
            { accessor: "nik", title: "NIK" },
            { accessor: "village.name", title: t("workers.village") },
            {
              accessor: "coverageStatus",
              title: t("workers.status"),
              render: (w) => <CoverageStatusBadge status={w.coverageStatus} />,
            },
            {
              accessor: "coveredThrough",
              title: t("workers.coveredThrough"),
              render: (w) => formatYearMonth(w.coveredThrough) || "—",
            },
          ]}
        />
        <Text mt="xs" size="sm" aria-live="polite" c={workersError ? "red" : undefined}>
          {workersError ?? t("sponsor.picked", { n: picked.length })}
        </Text>
      </Card>
      <Card withBorder>
        <Stack>
          <div>
            <Text size="sm" fw={500} id="package-label">
              {t("sponsorship.package")}
            </Text>
            <SegmentedControl
              aria-labelledby="package-label"
              value={pkg}
              onChange={(v) => setPkg(v as ProgramPackage)}
              data={[
                { value: "JKK_JKM", label: t("package.JKK_JKM") },
                { value: "JKK_JKM_JHT", label: t("package.JKK_JKM_JHT") },
              ]}
            />
          </div>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NumberInput
              label={t("sponsor.income")}
              description={t("sponsor.incomeHint")}
              value={income}
              onChange={setIncome}
              thousandSeparator="."
              decimalSeparator=","
              prefix="Rp"
              allowDecimal={false}
              error={
                errors.declaredIncome ??
                (!quote.ok && quote.field === "declaredIncome" ? quote.message : undefined)
              }
            />
            <Select
              label={t("sponsor.startMonth")}
              data={monthOptions}
              value={startMonth}
              onChange={(v) => v && setStartMonth(v)}
              allowDeselect={false}
              error={errors.startMonth}
            />
            <NumberInput
              label={t("sponsorship.months")}
              min={1}
              max={MAX_SPONSORSHIP_MONTHS}
              allowDecimal={false}
              value={months}
              onChange={setMonths}
              error={
                errors.months ?? (!quote.ok && quote.field === "months" ? quote.message : undefined)
              }
            />
          </SimpleGrid>
          {quote.ok && (
            <Text data-testid="live-quote" aria-live="polite">
              {t("sponsor.quote", {
                monthly: formatRupiah(quote.quote.monthly),
                workers: formatNumber(picked.length),
                months: quote.quote.months,
                total: formatRupiah(quote.quote.monthly * quote.quote.months * picked.length),
                end: formatYearMonth(endMonthOf(startMonth, quote.quote.months)),
              })}
            </Text>
          )}
          {formError && (
            <Alert color="red" role="alert">
              {formError}
            </Alert>
          )}
          <Group>
            <Button onClick={confirm.open} disabled={!quote.ok || picked.length === 0}>
              {t("sponsor.review")}
            </Button>
          </Group>
        </Stack>
      </Card>
      <Modal
        opened={confirming}
        onClose={confirm.close}
        title={t("sponsor.confirmTitle")}
        closeButtonProps={{ "aria-label": t("common.close") }}
      >
        {quote.ok && (
          <Stack>
            <Text>
              {t("sponsor.confirmBody", {
                donor: d.name,
                workers: formatNumber(picked.length),
                package: t(`package.${pkg}`),
                from: formatYearMonth(startMonth),
                to: formatYearMonth(endMonthOf(startMonth, quote.quote.months)),
                total: formatRupiah(quote.quote.monthly * quote.quote.months * picked.length),
              })}
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={confirm.close}>
                {t("common.cancel")}
              </Button>
              <Button onClick={submit} loading={saving}>
                {t("sponsor.confirm")}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
