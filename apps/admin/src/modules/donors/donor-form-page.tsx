import { useMutation } from "@apollo/client/react";
import { Alert, Button, Fieldset, Group, Select, Stack, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { DonorKind } from "@sertakan/schema";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import type { DonorKind as DonorKindType } from "../../gql/graphql";
import { describeError, fieldErrorsOf } from "../../lib/errors";
import { useViewer } from "../auth/viewer";
import { RegionCascade } from "../regions/region-cascade";
import { CREATE_DONOR } from "./graphql/create-donor.mutation";

type Values = {
  name: string;
  kind: DonorKindType | "";
  regionCode: string;
  contactName: string;
  email: string;
  phone: string;
  taxId: string;
};

const orNull = (v: string) => (v.trim() ? v.trim() : null);

export function NewDonorPage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const navigate = useNavigate();
  const [formError, setFormError] = useState<string | null>(null);
  const [create, { loading }] = useMutation(CREATE_DONOR, { refetchQueries: ["Donors"] });
  const form = useForm<Values>({
    initialValues: {
      name: "",
      kind: "",
      regionCode: viewer.regionScope?.code ?? "",
      contactName: "",
      email: "",
      phone: "",
      taxId: "",
    },
    validate: {
      name: (v) => (v.trim() ? null : t("form.required")),
      kind: (v) => (v ? null : t("form.required")),
      regionCode: (v) => (v ? null : t("form.required")),
      email: (v) => (!v || /^\S+@\S+$/.test(v) ? null : t("signIn.emailInvalid")),
    },
  });
  const submit = form.onSubmit(async (v) => {
    setFormError(null);
    try {
      const { data } = await create({
        variables: {
          input: {
            name: v.name.trim(),
            kind: v.kind as DonorKindType,
            regionCode: v.regionCode,
            contactName: orNull(v.contactName),
            email: orNull(v.email),
            phone: orNull(v.phone),
            taxId: orNull(v.taxId),
          },
        },
      });
      notifications.show({ color: "teal", message: t("donors.created") });
      navigate(`/donors/${data!.createDonor.id}`);
    } catch (e) {
      const fields = fieldErrorsOf(e, t);
      if (Object.keys(fields).length) form.setErrors(fields);
      else setFormError(describeError(e, t));
    }
  });
  return (
    <Stack>
      <Title order={1}>{t("donors.add")}</Title>
      <form onSubmit={submit} noValidate aria-label={t("donors.add")}>
        <Stack maw={720}>
          <TextInput label={t("workers.name")} required {...form.getInputProps("name")} />
          <Select
            label={t("donors.kind")}
            required
            data={Object.values(DonorKind).map((k) => ({ value: k, label: t(`donorKind.${k}`) }))}
            {...form.getInputProps("kind")}
          />
          <Fieldset legend={t("donors.region")} variant="unstyled">
            <RegionCascade
              value={form.values.regionCode}
              lockedCode={viewer.regionScope?.code}
              onChange={(code) => form.setFieldValue("regionCode", code)}
              error={form.errors.regionCode as string | undefined}
            />
          </Fieldset>
          <Group grow>
            <TextInput label={t("donors.contactName")} {...form.getInputProps("contactName")} />
            <TextInput label={t("signIn.email")} type="email" {...form.getInputProps("email")} />
          </Group>
          <Group grow>
            <TextInput label={t("worker.phone")} type="tel" {...form.getInputProps("phone")} />
            <TextInput label={t("donors.taxId")} {...form.getInputProps("taxId")} />
          </Group>
          {formError && (
            <Alert color="red" role="alert">
              {formError}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={loading}>
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
