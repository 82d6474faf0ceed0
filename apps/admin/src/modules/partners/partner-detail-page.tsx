import { useMutation, useQuery } from "@apollo/client/react";
import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  Loader,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { EngagementKind, isoDateOf } from "@sertakan/schema";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { EngagementKind as EngagementKindType } from "../../gql/graphql";
import { describeError, fieldErrorsOf } from "../../lib/errors";
import { formatDate, formatNumber } from "../../lib/format";
import { refreshAfterWrite } from "../../lib/refresh";
import { useCanWrite } from "../auth/viewer";
import { CoverageStatusBadge } from "../workers/status-badge";
import { PARTNER } from "./graphql/partner.query";
import { RECORD_ENGAGEMENT } from "./graphql/record-engagement.mutation";

export function PartnerDetailPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const canWrite = useCanWrite();
  const { data, loading, error } = useQuery(PARTNER, { variables: { id } });
  if (loading && !data) return <Loader aria-label={t("common.loading")} />;
  if (error) return <Alert color="red">{describeError(error, t)}</Alert>;
  const p = data?.partner;
  if (!p) return <Alert color="yellow">{t("errors.NOT_FOUND")}</Alert>;
  const facts = [
    p.agreementNumber && `${t("partners.agreement")}: ${p.agreementNumber}`,
    p.agreementStart && `${formatDate(p.agreementStart)} – ${formatDate(p.agreementEnd)}`,
    p.address,
    p.phone,
    p.email,
  ].filter(Boolean);
  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1}>{p.name}</Title>
          <Text c="dimmed">
            {t(`partnerKind.${p.kind}`)} · {p.region.name} ·{" "}
            {p.active ? t("partners.active") : t("partners.inactive")}
          </Text>
          {facts.length > 0 && <Text size="sm">{facts.join(" · ")}</Text>}
        </div>
        {canWrite && (
          <Button component={Link} to={`/partners/${p.id}/edit`} variant="default">
            {t("common.edit")}
          </Button>
        )}
      </Group>
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          {t("partners.engagements")}
        </Title>
        {p.engagements.length === 0 ? (
          <Text c="dimmed">{t("partners.noEngagements")}</Text>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("partners.date")}</Table.Th>
                  <Table.Th>{t("partners.engagementKind")}</Table.Th>
                  <Table.Th>{t("partners.attendees")}</Table.Th>
                  <Table.Th>{t("partners.notes")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {p.engagements.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td>{formatDate(e.date)}</Table.Td>
                    <Table.Td>{t(`engagementKind.${e.kind}`)}</Table.Td>
                    <Table.Td>{e.attendees ?? "—"}</Table.Td>
                    <Table.Td>{e.notes ?? ""}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {canWrite && <EngagementForm partnerId={p.id} />}
      </Card>
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          {t("partners.recruited", { n: formatNumber(p.recruitedWorkers.totalCount) })}
        </Title>
        {p.recruitedWorkers.nodes.length === 0 ? (
          <Text c="dimmed">{t("partners.noRecruits")}</Text>
        ) : (
          <Table.ScrollContainer minWidth={480}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("workers.name")}</Table.Th>
                  <Table.Th>{t("workers.village")}</Table.Th>
                  <Table.Th>{t("workers.status")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {p.recruitedWorkers.nodes.map((w) => (
                  <Table.Tr key={w.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/workers/${w.id}`}>
                        {w.fullName}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{w.village.name}</Table.Td>
                    <Table.Td>
                      <CoverageStatusBadge status={w.coverageStatus} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
    </Stack>
  );
}

type EngagementValues = {
  date: string;
  kind: EngagementKindType | "";
  attendees: number | string;
  notes: string;
};

/** Records a socialisation, monev or training meeting with the partner. */
function EngagementForm({ partnerId }: { partnerId: string }) {
  const { t } = useTranslation();
  const [record, { loading }] = useMutation(RECORD_ENGAGEMENT, refreshAfterWrite(["partner"]));
  const form = useForm<EngagementValues>({
    initialValues: { date: isoDateOf(new Date()), kind: "", attendees: "", notes: "" },
    validate: {
      date: (v) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? null : t("form.required")),
      kind: (v) => (v ? null : t("form.required")),
    },
  });
  const submit = form.onSubmit(async (v) => {
    try {
      await record({
        variables: {
          input: {
            partnerId,
            date: v.date,
            kind: v.kind as EngagementKindType,
            attendees: typeof v.attendees === "number" ? v.attendees : null,
            notes: v.notes.trim() || null,
          },
        },
      });
      notifications.show({ color: "teal", message: t("common.saved") });
      form.reset();
    } catch (e) {
      const fields = fieldErrorsOf(e, t);
      if (Object.keys(fields).length) form.setErrors(fields);
      else notifications.show({ color: "red", message: describeError(e, t) });
    }
  });
  return (
    <form onSubmit={submit} noValidate aria-label={t("partners.addEngagement")}>
      <Group align="flex-end" mt="md" wrap="wrap">
        <TextInput
          label={t("partners.date")}
          type="date"
          required
          {...form.getInputProps("date")}
        />
        <Select
          label={t("partners.engagementKind")}
          required
          data={Object.values(EngagementKind).map((k) => ({
            value: k,
            label: t(`engagementKind.${k}`),
          }))}
          {...form.getInputProps("kind")}
        />
        <NumberInput
          label={t("partners.attendees")}
          min={0}
          allowDecimal={false}
          w={120}
          {...form.getInputProps("attendees")}
        />
        <TextInput label={t("partners.notes")} {...form.getInputProps("notes")} />
        <Button type="submit" loading={loading}>
          {t("partners.addEngagement")}
        </Button>
      </Group>
    </form>
  );
}
