import { useQuery } from "@apollo/client/react";
import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  Loader,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { describeError } from "../../lib/errors";
import { formatDate, formatRupiah, formatYearMonth } from "../../lib/format";
import { useCanWrite } from "../auth/viewer";
import { hasDueMonths } from "@sertakan/schema";
import { WorkerAccidents } from "../accidents/worker-accidents";
import { CancelSponsorshipButton } from "../sponsorships/cancel-sponsorship";
import { SponsorshipStatus } from "../sponsorships/sponsorship-status";
import { CoverageStrip } from "./coverage-strip";
import { WORKER } from "./graphql/worker.query";
import { CoverageStatusBadge } from "./status-badge";
import { FactList } from "../layout/fact-list";

export function WorkerDetailPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const canWrite = useCanWrite();
  const { data, loading, error } = useQuery(WORKER, { variables: { id } });
  if (loading && !data) return <Loader aria-label={t("common.loading")} />;
  if (error) return <Alert color="red">{describeError(error, t)}</Alert>;
  const w = data?.worker;
  if (!w) return <Alert color="yellow">{t("errors.NOT_FOUND")}</Alert>;

  const facts: [string, string][] = [
    ["NIK", w.nik],
    [t("worker.gender"), t(`gender.${w.gender}`)],
    [t("worker.birthDate"), w.birthDate ? formatDate(w.birthDate) : t("worker.hidden")],
    [t("workers.occupation"), t(`occupation.${w.occupation}`)],
    [t("worker.phone"), w.phone ?? "—"],
    [t("worker.membershipNumber"), w.membershipNumber ?? "—"],
    [t("workers.village"), `${w.village.name}, ${w.village.parent?.name ?? ""}`],
    [t("worker.recruitedBy"), w.recruitedBy?.name ?? "—"],
    [t("workers.coveredThrough"), formatYearMonth(w.coveredThrough) || "—"],
    [t("worker.registeredOn"), formatDate(w.createdAt)],
  ];

  return (
    <Stack>
      <Group justify="space-between">
        <Group>
          <Title order={1}>{w.fullName}</Title>
          <CoverageStatusBadge status={w.coverageStatus} />
        </Group>
        {canWrite && (
          <Button component={Link} to={`/workers/${w.id}/edit`} variant="default">
            {t("common.edit")}
          </Button>
        )}
      </Group>
      <Card withBorder>
        <FactList facts={facts} />
      </Card>
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          {t("worker.coverage")}
        </Title>
        <CoverageStrip contributions={w.sponsorships.flatMap((s) => s.contributions)} />
      </Card>
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          {t("worker.sponsorships")}
        </Title>
        {w.sponsorships.length === 0 ? (
          <Text c="dimmed">{t("worker.noSponsorships")}</Text>
        ) : (
          <Table.ScrollContainer minWidth={600}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("sponsorship.donor")}</Table.Th>
                  <Table.Th>{t("sponsorship.months")}</Table.Th>
                  <Table.Th>{t("sponsorship.package")}</Table.Th>
                  <Table.Th>{t("sponsorship.monthly")}</Table.Th>
                  <Table.Th>{t("sponsorship.paid")}</Table.Th>
                  <Table.Th>{t("sponsorship.status")}</Table.Th>
                  {canWrite && (
                    <Table.Th>
                      <VisuallyHidden>{t("sponsorship.actions")}</VisuallyHidden>
                    </Table.Th>
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {w.sponsorships.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/donors/${s.donor.id}`}>
                        {s.donor.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      {formatYearMonth(s.startMonth)} – {formatYearMonth(s.endMonth)}
                    </Table.Td>
                    <Table.Td>{t(`package.${s.package}`)}</Table.Td>
                    <Table.Td>{formatRupiah(s.monthlyContribution)}</Table.Td>
                    <Table.Td>
                      {formatRupiah(s.paid)} / {formatRupiah(s.total)}
                    </Table.Td>
                    <Table.Td>
                      <SponsorshipStatus status={s.status} cancelReason={s.cancelReason} />
                    </Table.Td>
                    {canWrite && (
                      <Table.Td>
                        {hasDueMonths(s) && (
                          <CancelSponsorshipButton
                            sponsorship={s}
                            description={`${s.donor.name}, ${formatYearMonth(s.startMonth)} – ${formatYearMonth(s.endMonth)}`}
                          />
                        )}
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
      <WorkerAccidents workerId={w.id} reports={w.accidentReports} canWrite={canWrite} />
    </Stack>
  );
}
