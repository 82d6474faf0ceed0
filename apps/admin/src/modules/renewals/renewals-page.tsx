import { useQuery } from "@apollo/client/react";
import { Alert, Anchor, Group, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import type { SponsorshipFilter } from "../../gql/graphql";
import { describeError } from "../../lib/errors";
import { formatNumber } from "../../lib/format";
import { useViewer } from "../auth/viewer";
import { RegionCascade } from "../regions/region-cascade";
import { ENDING_SPONSORSHIPS } from "./graphql/ending-sponsorships.query";
import { RenewalForm } from "./renewal-form";

// One page holds what a region renews in one go; the API's largest page.
export const RENEWALS_PAGE_SIZE = 200;

/**
 * "Akan berakhir": ACTIVE sponsorships in the viewer's scope whose last month is this month
 * or next and that nobody has renewed yet (`?donor=<id>` narrows to one donor).
 */
export function RenewalsPage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const [params, setParams] = useSearchParams();
  const donorId = params.get("donor") ?? "";
  const region = params.get("region") ?? "";
  const filter: SponsorshipFilter = {
    status: ["ACTIVE"],
    endingWithinMonths: 1,
    renewed: false,
    ...(donorId ? { donorId } : {}),
    ...(region ? { regionCode: region } : {}),
  };
  const { data, previousData, loading, error } = useQuery(ENDING_SPONSORSHIPS, {
    variables: { filter, first: RENEWALS_PAGE_SIZE },
    fetchPolicy: "cache-and-network",
  });
  const list = (data ?? previousData)?.sponsorships;
  const rows = list?.nodes ?? [];

  const setParam = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next);
  };

  return (
    <Stack>
      <Title order={1}>{t("renewals.title")}</Title>
      <Text c="dimmed">{t("renewals.intro")}</Text>
      {donorId && (
        <Group gap="xs">
          <Text size="sm">{t("renewals.forDonor", { donor: rows[0]?.donor.name ?? "…" })}</Text>
          <Anchor component={Link} size="sm" to="/sponsorships/ending">
            {t("renewals.allDonors")}
          </Anchor>
        </Group>
      )}
      <RegionCascade
        value={region}
        lockedCode={viewer.regionScope?.code}
        onChange={(code) => setParam("region", code)}
      />
      {error && <Alert color="red">{describeError(error, t)}</Alert>}
      <Text size="sm" c="dimmed" aria-live="polite" data-testid="renewals-count">
        {list ? t("renewals.count", { total: formatNumber(list.totalCount) }) : ""}
      </Text>
      {list && list.totalCount > rows.length && (
        <Alert color="yellow">
          {t("renewals.more", {
            shown: formatNumber(rows.length),
            total: formatNumber(list.totalCount),
          })}
        </Alert>
      )}
      <RenewalForm rows={rows} fetching={loading} />
    </Stack>
  );
}
