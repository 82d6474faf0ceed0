import "@mantine/charts/styles.css";
import { BarChart, LineChart } from "@mantine/charts";
import { Card, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { CoverageStatsQuery, CoverageTimelineQuery } from "../../gql/graphql";
import { formatNumber, formatShortYearMonth } from "../../lib/format";

type Props = {
  regions: CoverageStatsQuery["coverageStats"]["children"];
  timeline: CoverageTimelineQuery["coverageTimeline"];
};

/** The bar chart by child region and the 24-month timeline; a lazy chunk (recharts). */
export default function DashboardCharts({ regions, timeline }: Props) {
  const { t } = useTranslation();
  const byRegion = regions.map((c) => ({
    region: c.region.name,
    active: c.active,
    arrears: c.arrears,
    lapsed: c.lapsed,
  }));
  const months = timeline.map((p) => ({
    month: formatShortYearMonth(p.month),
    active: p.active,
    newlyCovered: p.newlyCovered,
    lapsed: p.lapsed,
  }));
  return (
    <>
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          {t("dashboard.byRegion")}
        </Title>
        {byRegion.length === 0 ? (
          <Text c="dimmed">{t("dashboard.noChildren")}</Text>
        ) : (
          <BarChart
            // One bar per child region, laid sideways so the names stay readable.
            h={Math.max(200, byRegion.length * 26 + 60)}
            data={byRegion}
            dataKey="region"
            orientation="vertical"
            type="stacked"
            withLegend
            valueFormatter={formatNumber}
            yAxisProps={{ width: 130, interval: 0 }}
            series={[
              { name: "active", label: t("dashboard.kpi.active"), color: "teal.6" },
              { name: "arrears", label: t("dashboard.kpi.arrears"), color: "yellow.6" },
              { name: "lapsed", label: t("dashboard.kpi.lapsed"), color: "red.6" },
            ]}
          />
        )}
      </Card>
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          {t("dashboard.timeline")}
        </Title>
        <LineChart
          h={300}
          data={months}
          dataKey="month"
          withLegend
          valueFormatter={formatNumber}
          series={[
            { name: "active", label: t("dashboard.kpi.active"), color: "teal.6" },
            { name: "newlyCovered", label: t("dashboard.newlyCovered"), color: "blue.6" },
            { name: "lapsed", label: t("dashboard.kpi.lapsed"), color: "red.6" },
          ]}
        />
      </Card>
    </>
  );
}
