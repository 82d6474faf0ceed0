import { useMutation, useQuery } from "@apollo/client/react";
import { Alert, Loader, Stack, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { describeError, fieldErrorsOf } from "../../lib/errors";
import { COVER_FIELDS, WORKERS_ADDED_FIELDS, refreshAfterWrite } from "../../lib/refresh";
import { REGISTER_WORKER } from "./graphql/register-worker.mutation";
import { UPDATE_WORKER } from "./graphql/update-worker.mutation";
import { WORKER } from "./graphql/worker.query";
import { WorkerForm, type WorkerFormSubmit } from "./worker-form";

const orNull = (value: string) => (value.trim() ? value.trim() : null);

/** The outcome of a mutation as the form wants it: errors per field, else one sentence. */
function useFailure() {
  const { t } = useTranslation();
  return (e: unknown) => {
    const fieldErrors = fieldErrorsOf(e, t);
    return Object.keys(fieldErrors).length ? { fieldErrors } : { error: describeError(e, t) };
  };
}

export function RegisterWorkerPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const failure = useFailure();
  const [register, { loading }] = useMutation(
    REGISTER_WORKER,
    refreshAfterWrite(WORKERS_ADDED_FIELDS),
  );
  const submit = async (v: WorkerFormSubmit) => {
    try {
      const { data } = await register({
        variables: {
          input: {
            nik: v.nik.trim(),
            fullName: v.fullName.trim(),
            occupation: v.occupation,
            gender: v.gender!,
            birthDate: v.birthDate!,
            phone: orNull(v.phone),
            membershipNumber: orNull(v.membershipNumber),
            villageCode: v.villageCode,
          },
        },
      });
      notifications.show({ color: "teal", message: t("worker.registered") });
      navigate(`/workers/${data!.registerWorker.id}`);
    } catch (e) {
      return failure(e);
    }
  };
  return (
    <Stack>
      <Title order={1}>{t("worker.form.register")}</Title>
      <WorkerForm mode="register" onSubmit={submit} submitting={loading} />
    </Stack>
  );
}

export function EditWorkerPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const failure = useFailure();
  const { data, loading, error } = useQuery(WORKER, { variables: { id } });
  // A new village or occupation moves the worker between lists and regions' counts.
  const [update, { loading: saving }] = useMutation(UPDATE_WORKER, refreshAfterWrite(COVER_FIELDS));
  if (loading && !data) return <Loader aria-label={t("common.loading")} />;
  if (error) return <Alert color="red">{describeError(error, t)}</Alert>;
  const w = data?.worker;
  if (!w) return <Alert color="yellow">{t("errors.NOT_FOUND")}</Alert>;

  const submit = async (v: WorkerFormSubmit) => {
    try {
      await update({
        variables: {
          id,
          input: {
            fullName: v.fullName.trim(),
            occupation: v.occupation,
            phone: orNull(v.phone),
            membershipNumber: orNull(v.membershipNumber),
            villageCode: v.villageCode,
          },
        },
      });
      notifications.show({ color: "teal", message: t("common.saved") });
      navigate(`/workers/${id}`);
    } catch (e) {
      return failure(e);
    }
  };
  return (
    <Stack>
      <Title order={1}>{t("worker.form.edit")}</Title>
      <WorkerForm
        mode="edit"
        onSubmit={submit}
        submitting={saving}
        initialValues={{
          nik: w.nik,
          fullName: w.fullName,
          occupation: w.occupation,
          phone: w.phone ?? "",
          membershipNumber: w.membershipNumber ?? "",
          villageCode: w.village.code,
        }}
      />
    </Stack>
  );
}
