import { useQuery } from "@apollo/client/react";
import { Alert, Loader, Stack, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { describeError } from "../../lib/errors";
import { PARTNER } from "./graphql/partner.query";
import { PartnerForm } from "./partner-form";

export function NewPartnerPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Stack>
      <Title order={1}>{t("partnerForm.create")}</Title>
      <PartnerForm
        onSaved={(id) => {
          notifications.show({ color: "teal", message: t("partnerForm.created") });
          navigate(`/partners/${id}`);
        }}
      />
    </Stack>
  );
}

export function EditPartnerPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const { data, loading, error } = useQuery(PARTNER, { variables: { id } });
  if (loading && !data) return <Loader aria-label={t("common.loading")} />;
  if (error) return <Alert color="red">{describeError(error, t)}</Alert>;
  const p = data?.partner;
  if (!p) return <Alert color="yellow">{t("errors.NOT_FOUND")}</Alert>;
  return (
    <Stack>
      <Title order={1}>{t("partnerForm.edit")}</Title>
      <PartnerForm
        partner={{
          id: p.id,
          values: {
            name: p.name,
            kind: p.kind,
            regionCode: p.region.code,
            address: p.address ?? "",
            phone: p.phone ?? "",
            email: p.email ?? "",
            agreementNumber: p.agreementNumber ?? "",
            agreementStart: p.agreementStart ?? "",
            agreementEnd: p.agreementEnd ?? "",
            active: p.active,
          },
        }}
        onSaved={() => {
          notifications.show({ color: "teal", message: t("common.saved") });
          navigate(`/partners/${p.id}`);
        }}
      />
    </Stack>
  );
}
