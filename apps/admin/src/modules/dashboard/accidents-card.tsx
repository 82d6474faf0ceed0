import { useQuery } from "@apollo/client/react";
import { Alert, Anchor, Card, Loader, Stack, Table, Text, Title } from "@mantine/core";
import { currentYearMonth } from "@sertakan/schema";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { describeError } from "../../lib/errors";
import { formatNumber, formatYearMonth } from "../../lib/format";
import { monthDays } from "../accidents/accident-filters";
import { ACCIDENT_SUMMARY } from "./graphql/accident-summary.query";

/** The accident list's URL for a region and every accident day of a month. */
export function accidentListUrl(regionCode: string, month: string): string {
  const params = new URLSearchParams({ region: regionCode, ...monthDays(month) });
  return `/accidents?${params.toString()}`;
}

/** This month's work accidents in a region: who a paid month protected, who fell through. */
export function AccidentsCard({ regionCode }: { regionCode: string }) {
  const { t } = useTranslation();
  const month = currentYearMonth();
  const { data, loading, error } = useQuery(ACCIDENT_SUMMARY, {
    variables: { month, regionCode },
    fetchPolicy: "cache-and-network",
  });
  const summary = data?.accidentSummary;
  const total = summary?.total;
  // Klaten alone has 26 districts: list only those where something happened.
  const struck = (summary?.children ?? []).filter((child) => child.total > 0);

  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        {t("accidents.dashboard.title", { month: formatYearMonth(month) })}
      </Title>
      {error && <Alert color="red">{describeError(error, t)}</Alert>}
      {loading && !summary && <Loader size="sm" aria-label={t("common.loading")} />}
      {total && total.total === 0 && <Text c="dimmed">{t("accidents.dashboard.none")}</Text>}
      {total && total.total > 0 && (
        <Stack gap="xs">
          <Text fw={600} data-testid="accidents-summary">
            {t("accidents.dashboard.summary", {
              total: formatNumber(total.total),
              accepted: formatNumber(total.accepted),
            })}
          </Text>
          <Text size="sm" c="dimmed">
            {t("accidents.dashboard.detail", {
              notCovered: formatNumber(total.notCovered),
              late: formatNumber(total.late),
            })}
          </Text>
          {struck.length > 0 && (
            <Table.ScrollContainer minWidth={420}>
              <Table striped withTableBorder>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("accidents.dashboard.region")}</Table.Th>
                    <Table.Th ta="right">{t("accidents.dashboard.total")}</Table.Th>
                    <Table.Th ta="right">{t("accidents.dashboard.accepted")}</Table.Th>
                    <Table.Th ta="right">{t("accidents.dashboard.notCovered")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {struck.map((child) => (
                    <Table.Tr key={child.regionCode}>
                      <Table.Td>
                        <Anchor component={Link} to={accidentListUrl(child.regionCode, month)}>
                          {child.region.name}
                        </Anchor>
                      </Table.Td>
                      <Table.Td ta="right">{formatNumber(child.total)}</Table.Td>
                      <Table.Td ta="right">{formatNumber(child.accepted)}</Table.Td>
                      <Table.Td ta="right">{formatNumber(child.notCovered)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          <Anchor component={Link} to={accidentListUrl(total.regionCode, month)} size="sm">
            {t("accidents.dashboard.all")}
          </Anchor>
        </Stack>
      )}
    </Card>
  );
}
