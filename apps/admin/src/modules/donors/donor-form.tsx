import {
  Alert,
  Button,
  Fieldset,
  Group,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { DonorKind } from "@sertakan/schema";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { DonorKind as DonorKindType } from "../../gql/graphql";
import { type FieldErrors, placeFieldErrors } from "../../lib/errors";
import { useViewer } from "../auth/viewer";
import { RegionCascade } from "../regions/region-cascade";

export type DonorFormValues = {
  name: string;
  kind: DonorKindType | "";
  regionCode: string;
  contactName: string;
  email: string;
  phone: string;
  taxId: string;
  accountNumber: string;
};

export type DonorFormSubmit = Omit<DonorFormValues, "kind"> & { kind: DonorKindType };

type Props = {
  /** Names the form for assistive technology: "Tambah donatur" or "Ubah donatur". */
  label: string;
  initialValues?: DonorFormValues;
  /** Resolves with the API's field errors (already translated), or nothing on success. */
  onSubmit: (
    values: DonorFormSubmit,
  ) => Promise<{ fieldErrors?: FieldErrors; error?: string } | void>;
  submitting?: boolean;
};

/** Adds or edits a donor; the region cascade starts at, and stays inside, the user's scope. */
export function DonorForm({ label, initialValues, onSubmit, submitting }: Props) {
  const { t } = useTranslation();
  const viewer = useViewer();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<DonorFormValues>({
    initialValues: initialValues ?? {
      name: "",
      kind: "",
      regionCode: viewer.regionScope?.code ?? "",
      contactName: "",
      email: "",
      phone: "",
      taxId: "",
      accountNumber: "",
    },
    validate: {
      name: (v) => (v.trim() ? null : t("form.required")),
      kind: (v) => (v ? null : t("form.required")),
      regionCode: (v) => (v ? null : t("form.required")),
      email: (v) => (!v || /^\S+@\S+$/.test(v) ? null : t("signIn.emailInvalid")),
    },
  });
  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    const result = await onSubmit({ ...values, kind: values.kind as DonorKindType });
    if (result?.fieldErrors) {
      const placed = placeFieldErrors(result.fieldErrors, Object.keys(values));
      form.setErrors(placed.atFields);
      if (placed.elsewhere) setFormError(placed.elsewhere);
    }
    if (result?.error) setFormError(result.error);
  });
  return (
    <form onSubmit={submit} noValidate aria-label={label}>
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
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t("donors.contactName")} {...form.getInputProps("contactName")} />
          <TextInput label={t("signIn.email")} type="email" {...form.getInputProps("email")} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t("worker.phone")} type="tel" {...form.getInputProps("phone")} />
          <TextInput label={t("donors.taxId")} {...form.getInputProps("taxId")} />
        </SimpleGrid>
        <TextInput
          label={t("bankImport.accountNumber")}
          description={t("bankImport.accountNumberHint")}
          {...form.getInputProps("accountNumber")}
        />
        {formError && (
          <Alert color="red" role="alert">
            {formError}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={submitting}>
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
