import { Group, Text } from "@mantine/core";
import { addMonths, currentYearMonth, monthRange } from "@sertakan/schema";
import { useTranslation } from "react-i18next";
import type { ContributionStatus } from "../../gql/graphql";
import { formatShortYearMonth, formatYearMonth } from "../../lib/format";

type Month = { month: string; status: ContributionStatus };

/**
 * A year back and a year ahead, month by month: paid, pledged but due, or nothing.
 * Cancelled months are left out: they no longer cover anyone.
 */
export function CoverageStrip({ contributions }: { contributions: Month[] }) {
  const { t } = useTranslation();
  const now = currentYearMonth();
  const byMonth = new Map<string, ContributionStatus>();
  for (const c of contributions) {
    if (c.status !== "CANCELLED") byMonth.set(c.month, c.status);
  }
  const months = monthRange(addMonths(now, -11), 24);
  return (
    <div>
      <ul className="coverage-strip" aria-label={t("worker.strip")}>
        {months.map((month) => {
          const status = byMonth.get(month) ?? "NONE";
          return (
            <li
              key={month}
              data-status={status}
              title={`${formatYearMonth(month)}: ${t(`contributionStatus.${status}`)}`}
              aria-current={month === now ? "date" : undefined}
              style={month === now ? { fontWeight: 700 } : undefined}
            >
              {formatShortYearMonth(month)}
              <Text span display="block" size="xs">
                {t(`contributionStatus.${status}`)}
              </Text>
            </li>
          );
        })}
      </ul>
      <Group gap="md" mt="xs">
        <Text size="xs" c="dimmed">
          {t("worker.stripLegend")}
        </Text>
      </Group>
    </div>
  );
}
