import { useQuery } from "@apollo/client/react";
import {
  Alert,
  Card,
  Group,
  Loader,
  Progress,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { addMonths, currentYearMonth } from "@sertakan/schema";
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { describeError } from "../../lib/errors";
import { formatNumber, formatPercent, formatRupiah, formatYearMonth } from "../../lib/format";
import { useViewer } from "../auth/viewer";
import { WhenVisible } from "../layout/when-visible";
import { RegionCascade } from "../regions/region-cascade";
import { AccidentsCard } from "./accidents-card";
import { COVERAGE_STATS } from "./graphql/coverage-stats.query";
import { COVERAGE_TIMELINE } from "./graphql/coverage-timeline.query";
import { REGIONAL_TARGETS } from "./graphql/regional-targets.query";

// Recharts is the heaviest dependency: it loads only when a dashboard is drawn.
const DashboardCharts = lazy(() => import("./dashboard-charts"));

/** Klaten, the programme's home regency, for a national user who has not chosen yet. */
export const DEFAULT_REGION = "33.10";

export function DashboardPage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const [params, setParams] = useSearchParams();
  const regionCode = params.get("region") || viewer.regionScope?.code || DEFAULT_REGION;
  const to = currentYearMonth();
  const from = addMonths(to, -23);

  // Figures change with every pledge and payment made elsewhere in the app, and a mutation
  // refreshes only the queries on screen: opening the dashboard shows what is kept at once
  // and asks the server again.
  const fresh = { fetchPolicy: "cache-and-network" } as const;
  const stats = useQuery(COVERAGE_STATS, { variables: { regionCode }, ...fresh });
  const timeline = useQuery(COVERAGE_TIMELINE, { variables: { regionCode, from, to }, ...fresh });
  const targets = useQuery(REGIONAL_TARGETS, {
    variables: { regionCode, year: Number(to.slice(0, 4)) },
    ...fresh,
  });

  const s = stats.data?.coverageStats;
  const target = targets.data?.regionalTargets.find((x) => x.region.code === regionCode);

  return (
    <Stack>
      <Title order={1}>{t("dashboard.title")}</Title>
      <RegionCascade
        value={regionCode}
        lockedCode={viewer.regionScope?.code}
        onChange={(code) => setParams(code ? { region: code } : {}, { replace: true })}
      />
      {stats.error && <Alert color="red">{describeError(stats.error, t)}</Alert>}
      {/* The cards stand in place while the figures load: the cards below do not jump
          down when they arrive (a phone shows them on the first screen). */}
      {(s || stats.loading) && (
        <>
          <Text c="dimmed">
            {s
              ? t("dashboard.asOf", { region: s.region.name, month: formatYearMonth(s.asOf) })
              : t("common.loading")}
          </Text>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }}>
            <Kpi
              label={t("dashboard.kpi.registered")}
              value={s && formatNumber(s.registeredWorkers)}
            />
            <Kpi
              label={t("dashboard.kpi.active")}
              value={s && formatNumber(s.active)}
              testId="kpi-active"
            />
            <Kpi label={t("dashboard.kpi.arrears")} value={s && formatNumber(s.arrears)} />
            <Kpi label={t("dashboard.kpi.lapsed")} value={s && formatNumber(s.lapsed)} />
            <Kpi
              label={t("dashboard.kpi.contributions")}
              value={s && formatRupiah(s.contributionsPaid)}
              testId="kpi-contributions"
            />
          </SimpleGrid>
        </>
      )}
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          {t("dashboard.target.title", { year: to.slice(0, 4) })}
        </Title>
        {targets.error && <Alert color="red">{describeError(targets.error, t)}</Alert>}
        {target ? (
          <Stack gap="xs">
            <Progress
              value={Math.min(100, target.progress.attainment * 100)}
              size="xl"
              aria-label={t("dashboard.target.attainment")}
            />
            <Text>
              {t("dashboard.target.summary", {
                covered: formatNumber(target.progress.covered),
                target: formatNumber(target.targetCovered),
                attainment: formatPercent(target.progress.attainment),
              })}
            </Text>
            <Text size="sm" c="dimmed">
              {t("dashboard.target.rate", {
                rate: formatPercent(target.progress.coverageRate),
                informal: formatNumber(target.informalWorkers),
                sponsored: formatNumber(target.progress.sponsoredActive),
              })}
            </Text>
          </Stack>
        ) : targets.loading ? (
          // About the height of the summary, for the same reason as the cards above.
          <Skeleton h={80} />
        ) : (
          <Text c="dimmed">{t("dashboard.target.none")}</Text>
        )}
      </Card>
      <AccidentsCard regionCode={regionCode} />
      {timeline.error && <Alert color="red">{describeError(timeline.error, t)}</Alert>}
      <WhenVisible minHeight={300} placeholder={null}>
        <Suspense fallback={<Loader aria-label={t("common.loading")} />}>
          {s && (
            <DashboardCharts
              regions={s.children}
              timeline={timeline.data?.coverageTimeline ?? []}
            />
          )}
        </Suspense>
      </WhenVisible>
    </Stack>
  );
}

/** A figure with its label; while `value` loads, a placeholder of the figure's size. */
function Kpi({ label, value, testId }: { label: string; value?: string; testId?: string }) {
  return (
    <Card withBorder padding="md">
      <Group justify="space-between" align="flex-start">
        <Text size="sm" c="dimmed">
          {label}
        </Text>
      </Group>
      <Skeleton visible={value === undefined}>
        <Text fw={700} size="xl" data-testid={value === undefined ? undefined : testId}>
          {value ?? "0"}
        </Text>
      </Skeleton>
    </Card>
  );
}
