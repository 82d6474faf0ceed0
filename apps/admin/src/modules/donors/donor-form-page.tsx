import { useMutation, useQuery } from "@apollo/client/react";
import { Alert, Loader, Stack, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { describeError, fieldErrorsOf } from "../../lib/errors";
import { refreshAfterWrite } from "../../lib/refresh";
import { DonorForm, type DonorFormSubmit } from "./donor-form";
import { CREATE_DONOR } from "./graphql/create-donor.mutation";
import { DONOR } from "./graphql/donor.query";
import { UPDATE_DONOR } from "./graphql/update-donor.mutation";

const orNull = (v: string) => (v.trim() ? v.trim() : null);

/** The outcome of a mutation as the form wants it: errors per field, else one sentence. */
function useFailure() {
  const { t } = useTranslation();
  return (e: unknown) => {
    const fieldErrors = fieldErrorsOf(e, t);
    return Object.keys(fieldErrors).length ? { fieldErrors } : { error: describeError(e, t) };
  };
}

const inputOf = (v: DonorFormSubmit) => ({
  name: v.name.trim(),
  kind: v.kind,
  regionCode: v.regionCode,
  contactName: orNull(v.contactName),
  email: orNull(v.email),
  phone: orNull(v.phone),
  taxId: orNull(v.taxId),
  accountNumber: orNull(v.accountNumber),
});

export function NewDonorPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const failure = useFailure();
  const [create, { loading }] = useMutation(CREATE_DONOR, refreshAfterWrite(["donors"]));
  const submit = async (v: DonorFormSubmit) => {
    try {
      const { data } = await create({ variables: { input: inputOf(v) } });
      notifications.show({ color: "teal", message: t("donors.created") });
      navigate(`/donors/${data!.createDonor.id}`);
    } catch (e) {
      return failure(e);
    }
  };
  return (
    <Stack>
      <Title order={1}>{t("donors.add")}</Title>
      <DonorForm label={t("donors.add")} onSubmit={submit} submitting={loading} />
    </Stack>
  );
}

export function EditDonorPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const failure = useFailure();
  const { data, loading, error } = useQuery(DONOR, { variables: { id } });
  const [update, { loading: saving }] = useMutation(
    UPDATE_DONOR,
    refreshAfterWrite(["donors", "donor"]),
  );
  if (loading && !data) return <Loader aria-label={t("common.loading")} />;
  if (error) return <Alert color="red">{describeError(error, t)}</Alert>;
  const d = data?.donor;
  if (!d) return <Alert color="yellow">{t("errors.NOT_FOUND")}</Alert>;

  const submit = async (v: DonorFormSubmit) => {
    try {
      // updateDonor replaces every detail: send the partner link back unchanged.
      await update({
        variables: { id, input: { ...inputOf(v), partnerId: d.partner?.id ?? null } },
      });
      notifications.show({ color: "teal", message: t("common.saved") });
      navigate(`/donors/${id}`);
    } catch (e) {
      return failure(e);
    }
  };
  return (
    <Stack>
      <Title order={1}>{t("donors.edit")}</Title>
      <DonorForm
        label={t("donors.edit")}
        onSubmit={submit}
        submitting={saving}
        initialValues={{
          name: d.name,
          kind: d.kind,
          regionCode: d.region.code,
          contactName: d.contactName ?? "",
          email: d.email ?? "",
          phone: d.phone ?? "",
          taxId: d.taxId ?? "",
          accountNumber: d.accountNumber ?? "",
        }}
      />
    </Stack>
  );
}
