import { useQuery } from "@apollo/client/react";
import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  Loader,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { describeError } from "../../lib/errors";
import { formatDateTime, formatNumber, formatRupiah, formatYearMonth } from "../../lib/format";
import { useCanWrite } from "../auth/viewer";
import { hasDueMonths } from "@sertakan/schema";
import { CancelSponsorshipButton } from "../sponsorships/cancel-sponsorship";
import { SponsorshipStatus } from "../sponsorships/sponsorship-status";
import { DONOR_PAYMENTS } from "./graphql/donor-payments.query";
import { DONOR } from "./graphql/donor.query";
import { PaymentForm } from "./payment-form";
import { ReceiptLink } from "../documents/receipt-link";
import { StatementButton } from "../documents/statement-button";
import { DonorReminders } from "../reminders/donor-reminders";

export function DonorDetailPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const canWrite = useCanWrite();
  const { data, loading, error } = useQuery(DONOR, { variables: { id } });
  const payments = useQuery(DONOR_PAYMENTS, { variables: { donorId: id } });
  if (loading && !data) return <Loader aria-label={t("common.loading")} />;
  if (error) return <Alert color="red">{describeError(error, t)}</Alert>;
  const d = data?.donor;
  if (!d) return <Alert color="yellow">{t("errors.NOT_FOUND")}</Alert>;
  const s = d.summary;

  const figures: [string, string, string][] = [
    [t("donor.summary.workersSponsored"), formatNumber(s.workersSponsored), "workers-sponsored"],
    [t("donor.summary.workersActive"), formatNumber(s.workersActive), "workers-active"],
    [t("donor.summary.committed"), formatRupiah(s.committed), "committed"],
    [t("donor.summary.paid"), formatRupiah(s.paid), "paid"],
    [t("donor.summary.outstanding"), formatRupiah(s.outstanding), "outstanding"],
    [t("donor.summary.credit"), formatRupiah(s.credit), "credit"],
  ];

  return (
    <Stack>
      <Group justify="space-between">
        <div>
          <Title order={1}>{d.name}</Title>
          <Text c="dimmed">
            {t(`donorKind.${d.kind}`)} · {d.region.name}
            {d.contactName ? ` · ${d.contactName}` : ""}
            {d.email ? ` · ${d.email}` : ""}
            {d.phone ? ` · ${d.phone}` : ""}
          </Text>
        </div>
        {canWrite && (
          <Group>
            <Button component={Link} to={`/donors/${d.id}/edit`} variant="default">
              {t("common.edit")}
            </Button>
            <Button component={Link} to={`/donors/${d.id}/sponsor`}>
              {t("donor.sponsor")}
            </Button>
            <Button component={Link} to={`/sponsorships/ending?donor=${d.id}`} variant="light">
              {t("renewals.fromDonor")}
            </Button>
          </Group>
        )}
      </Group>
      <SimpleGrid cols={{ base: 2, md: 6 }}>
        {figures.map(([label, value, testId]) => (
          <Card withBorder key={label} padding="sm">
            <Text size="sm" c="dimmed">
              {label}
            </Text>
            <Text fw={700} data-testid={`donor-${testId}`}>
              {value}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      {canWrite && (
        <Card withBorder>
          <Title order={2} size="h4" mb="xs">
            {t("payment.title")}
          </Title>
          <PaymentForm donorId={d.id} suggested={s.outstanding} />
        </Card>
      )}
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          {t("worker.sponsorships")} ({formatNumber(d.sponsorships.totalCount)})
        </Title>
        {d.sponsorships.nodes.length === 0 ? (
          <Text c="dimmed">{t("donor.noSponsorships")}</Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("sponsorship.worker")}</Table.Th>
                  <Table.Th>{t("sponsorship.months")}</Table.Th>
                  <Table.Th>{t("sponsorship.package")}</Table.Th>
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
                {d.sponsorships.nodes.map((sp) => (
                  <Table.Tr key={sp.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/workers/${sp.worker.id}`}>
                        {sp.worker.fullName}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      {formatYearMonth(sp.startMonth)} – {formatYearMonth(sp.endMonth)}
                    </Table.Td>
                    <Table.Td>
                      {t(`package.${sp.package}`)} · {formatRupiah(sp.monthlyContribution)}
                    </Table.Td>
                    <Table.Td>
                      {formatRupiah(sp.paid)} / {formatRupiah(sp.total)}
                    </Table.Td>
                    <Table.Td>
                      <SponsorshipStatus status={sp.status} cancelReason={sp.cancelReason} />
                    </Table.Td>
                    {canWrite && (
                      <Table.Td>
                        {hasDueMonths(sp) && (
                          <CancelSponsorshipButton
                            sponsorship={sp}
                            description={`${sp.worker.fullName}, ${formatYearMonth(sp.startMonth)} – ${formatYearMonth(sp.endMonth)}`}
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
      <Card withBorder>
        <Group justify="space-between" align="flex-end" mb="xs">
          <Title order={2} size="h4">
            {t("donor.payments")}
          </Title>
          <StatementButton donorId={d.id} />
        </Group>
        {payments.error && <Alert color="red">{describeError(payments.error, t)}</Alert>}
        {payments.data?.payments.nodes.length === 0 && (
          <Text c="dimmed">{t("donor.noPayments")}</Text>
        )}
        {!!payments.data?.payments.nodes.length && (
          <Table.ScrollContainer minWidth={560}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("payment.paidOn")}</Table.Th>
                  <Table.Th>{t("payment.reference")}</Table.Th>
                  <Table.Th>{t("payment.amount")}</Table.Th>
                  <Table.Th>{t("payment.allocated")}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t("documents.receipt")}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {payments.data.payments.nodes.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>{formatDateTime(p.paidAt)}</Table.Td>
                    <Table.Td>{p.reference}</Table.Td>
                    <Table.Td>{formatRupiah(p.amount)}</Table.Td>
                    <Table.Td>{formatRupiah(p.allocated)}</Table.Td>
                    <Table.Td>
                      <ReceiptLink paymentId={p.id} reference={p.reference} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
      <DonorReminders donorId={d.id} />
    </Stack>
  );
}
