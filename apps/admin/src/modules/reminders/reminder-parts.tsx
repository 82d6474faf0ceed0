import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { DonorRemindersQuery, ReminderStatus } from "../../gql/graphql";
import { formatRupiah, formatYearMonth } from "../../lib/format";

export type ReminderRow = DonorRemindersQuery["donorReminders"]["nodes"][number];

const STATUS_COLOR: Record<ReminderStatus, string> = {
  PENDING: "yellow",
  SENT: "green",
  FAILED: "red",
};

export function ReminderStatusBadge({ status }: { status: ReminderStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status]} variant="light">
      {t(`reminders.status.${status}`)}
    </Badge>
  );
}

/** What a reminder asks for, e.g. "Rp50.400 belum dibayar" or "Rp16.800 per bulan". */
export function useReminderText() {
  const { t } = useTranslation();
  return {
    amount: (r: ReminderRow) =>
      t(`reminders.amountOf.${r.kind}`, { amount: formatRupiah(r.amount) }),
    about: (r: ReminderRow) => {
      const months = [...new Set(r.sponsorships.map((s) => s.endMonth))]
        .sort()
        .map(formatYearMonth)
        .join(", ");
      return t(`reminders.about.${r.kind}`, { n: r.sponsorships.length, months });
    },
  };
}
