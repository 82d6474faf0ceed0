import { useMutation } from "@apollo/client/react";
import { Alert, Button, Group, Modal, NumberInput, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import {
  DEFAULT_RENEWAL_MONTHS,
  MAX_SPONSORSHIP_MONTHS,
  isoDateOf,
  renewalStartMonth,
} from "@sertakan/schema";
import { DataTable } from "mantine-datatable";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { EndingSponsorshipsQuery } from "../../gql/graphql";
import { describeError } from "../../lib/errors";
import { formatNumber, formatRupiah, formatYearMonth } from "../../lib/format";
import { RENEW_SPONSORSHIPS } from "./graphql/renew-sponsorships.mutation";
import { newVisitKey } from "../../lib/idempotency";
import { COVER_FIELDS, refreshAfterWrite } from "../../lib/refresh";
import { liveRenewalQuote, renewalKey } from "./renewal-quote";

export type EndingRow = EndingSponsorshipsQuery["sponsorships"]["nodes"][number];

type Props = {
  rows: EndingRow[];
  fetching?: boolean;
  /** YYYY-MM-DD in Asia/Jakarta; tests pass their own day. */
  today?: string;
};

/** Pick sponsorships ending soon, choose how long, see the price as it changes, confirm. */
export function RenewalForm({ rows, fetching, today = isoDateOf(new Date()) }: Props) {
  const { t } = useTranslation();
  const [selected, setSelected] = useState<EndingRow[]>([]);
  const [months, setMonths] = useState<number | string>(DEFAULT_RENEWAL_MONTHS);
  const [confirming, confirm] = useDisclosure(false);
  const [error, setError] = useState<{ summary: string; detail: string | null } | null>(null);
  // One key per visit, combined with what is asked (see renewalKey).
  const visitKey = useMemo(newVisitKey, []);
  // The list must no longer hold the renewed ones when the dialog closes.
  const [renew, { loading: saving }] = useMutation(
    RENEW_SPONSORSHIPS,
    refreshAfterWrite(COVER_FIELDS),
  );

  // A refetched list drops renewed rows: keep only the selected ones still listed.
  const visible = selected.filter((s) => rows.some((r) => r.id === s.id));
  const quote = liveRenewalQuote(visible, months, today);
  const currentMonth = today.slice(0, 7);

  const submit = async () => {
    setError(null);
    const ids = visible.map((s) => s.id);
    const n = Number(months);
    try {
      await renew({
        variables: {
          input: { sponsorshipIds: ids, months: n, idempotencyKey: renewalKey(visitKey, ids, n) },
        },
      });
      confirm.close();
      setSelected([]);
      notifications.show({ color: "teal", message: t("renewals.done", { n: ids.length }) });
    } catch (e) {
      confirm.close();
      const summary = describeError(e, t);
      // The translated sentence is general; the API's own names the worker and months.
      const message = (e as { errors?: { message?: string }[] }).errors?.[0]?.message ?? null;
      setError({ summary, detail: message && message !== summary ? message : null });
    }
  };

  return (
    <Stack>
      <DataTable<EndingRow>
        withTableBorder
        striped
        minHeight={160}
        fetching={fetching}
        records={rows}
        idAccessor="id"
        selectedRecords={visible}
        onSelectedRecordsChange={setSelected}
        allRecordsSelectionCheckboxProps={{ "aria-label": t("renewals.selectAll") }}
        getRecordSelectionCheckboxProps={(r) => ({
          "aria-label": t("renewals.select", { name: r.worker.fullName }),
        })}
        noRecordsText={t("renewals.none")}
        columns={[
          { accessor: "worker.fullName", title: t("sponsorship.worker") },
          { accessor: "worker.village.name", title: t("workers.village") },
          { accessor: "donor.name", title: t("sponsorship.donor") },
          {
            accessor: "package",
            title: t("sponsorship.package"),
            render: (r) => t(`package.${r.package}`),
          },
          {
            accessor: "monthlyContribution",
            title: t("sponsorship.monthly"),
            render: (r) => formatRupiah(r.monthlyContribution),
          },
          {
            accessor: "endMonth",
            title: t("renewals.endMonth"),
            render: (r) => formatYearMonth(r.endMonth),
          },
          {
            accessor: "renewFrom",
            title: t("renewals.renewFrom"),
            render: (r) => formatYearMonth(renewalStartMonth(r.endMonth, currentMonth)),
          },
        ]}
      />
      <Group align="flex-end">
        <NumberInput
          label={t("renewals.months")}
          description={t("renewals.monthsHint")}
          min={1}
          max={MAX_SPONSORSHIP_MONTHS}
          allowDecimal={false}
          value={months}
          onChange={setMonths}
          error={!quote.ok ? quote.message : undefined}
          w={220}
        />
        <Text size="sm" aria-live="polite" data-testid="renewal-selected">
          {t("renewals.selected", { n: formatNumber(visible.length) })}
        </Text>
      </Group>
      {quote.ok && visible.length > 0 && (
        <Stack gap={2} data-testid="renewal-quote" aria-live="polite">
          {quote.quote.lines.map((line) => (
            <Text key={`${line.package}:${line.declaredIncome}`}>
              {t("renewals.quoteLine", {
                n: formatNumber(line.sponsorships),
                package: t(`package.${line.package}`),
                monthly: formatRupiah(line.monthly),
                months: line.months,
                total: formatRupiah(line.total),
              })}
            </Text>
          ))}
          <Text fw={700}>
            {t("renewals.quoteTotal", { total: formatRupiah(quote.quote.total) })}
          </Text>
        </Stack>
      )}
      {error && (
        <Alert color="red" role="alert">
          <Text>{error.summary}</Text>
          {error.detail && <Text size="sm">{error.detail}</Text>}
        </Alert>
      )}
      <Group>
        <Button onClick={confirm.open} disabled={!quote.ok || visible.length === 0}>
          {t("renewals.renew")}
        </Button>
      </Group>
      <Modal
        opened={confirming}
        onClose={confirm.close}
        title={t("renewals.confirmTitle")}
        closeButtonProps={{ "aria-label": t("common.close") }}
      >
        {quote.ok && (
          <Stack>
            <Text>
              {t("renewals.confirmBody", {
                n: formatNumber(visible.length),
                months: quote.quote.months,
                total: formatRupiah(quote.quote.total),
              })}
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={confirm.close}>
                {t("common.cancel")}
              </Button>
              <Button onClick={submit} loading={saving}>
                {t("renewals.confirm")}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
