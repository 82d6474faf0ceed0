import { useQuery } from "@apollo/client/react";
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
import { Occupation } from "@sertakan/schema";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Occupation as OccupationType } from "../../gql/graphql";
import type { FieldErrors } from "../../lib/errors";
import { formatDate } from "../../lib/format";
import { REGION } from "../regions/graphql/region.query";
import { RegionCascade } from "../regions/region-cascade";
import { checkNik } from "./nik-check";

export type WorkerFormValues = {
  nik: string;
  fullName: string;
  occupation: OccupationType | "";
  phone: string;
  membershipNumber: string;
  villageCode: string;
};

export type WorkerFormSubmit = Omit<WorkerFormValues, "occupation"> & {
  occupation: OccupationType;
  /** Derived from the NIK (register only). */
  gender?: "MALE" | "FEMALE";
  birthDate?: string;
};

type Props = {
  mode: "register" | "edit";
  initialValues?: WorkerFormValues;
  /** Resolves with the API's field errors (already translated), or nothing on success. */
  onSubmit: (
    values: WorkerFormSubmit,
  ) => Promise<{ fieldErrors?: FieldErrors; error?: string } | void>;
  submitting?: boolean;
};

const EMPTY: WorkerFormValues = {
  nik: "",
  fullName: "",
  occupation: "",
  phone: "",
  membershipNumber: "",
  villageCode: "",
};

/** Registers or edits a worker; the NIK is judged as it is typed with the shared rules. */
export function WorkerForm({ mode, initialValues = EMPTY, onSubmit, submitting }: Props) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<WorkerFormValues>({
    initialValues,
    validate: {
      nik: (value) => {
        if (mode === "edit") return null;
        const check = checkNik(value, t, true);
        if (check.state === "empty") return t("form.required");
        return check.state === "invalid" ? check.message : null;
      },
      fullName: (v) => (v.trim().length >= 2 ? null : t("form.required")),
      occupation: (v) => (v ? null : t("form.required")),
      villageCode: (v) => (v.split(".").length === 4 ? null : t("worker.form.chooseVillage")),
    },
  });

  const nikCheck = mode === "register" ? checkNik(form.values.nik, t) : null;
  const info = nikCheck?.state === "valid" ? nikCheck.info : null;
  const district = useQuery(REGION, {
    variables: { code: info?.districtCode ?? "" },
    skip: !info,
  });
  const districtName = district.data?.region?.name;
  const districtUnknown = info && district.data && !district.data.region;

  // A worker usually lives where the NIK was issued: start the domicile cascade there.
  useEffect(() => {
    if (info && !form.values.villageCode) form.setFieldValue("villageCode", info.districtCode);
  }, [info?.districtCode]);

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    if (districtUnknown) {
      form.setFieldError("nik", t("nik.unknownDistrict", { detail: "" }));
      return;
    }
    const result = await onSubmit({
      ...values,
      occupation: values.occupation as OccupationType,
      gender: info?.gender,
      birthDate: info?.birthDate,
    });
    if (result?.fieldErrors) {
      // gender/birthDate come from the NIK here, so their mismatch is the NIK's to show.
      const { gender, birthDate, ...rest } = result.fieldErrors;
      const nikError = rest.nik ?? gender ?? birthDate;
      form.setErrors(nikError ? { ...rest, nik: nikError } : rest);
    }
    if (result?.error) setFormError(result.error);
  });

  let nikDescription: string | undefined;
  if (nikCheck?.state === "typing") nikDescription = t("nik.typing", { n: nikCheck.digits });
  if (info) {
    nikDescription = t("nik.derived", {
      gender: t(`gender.${info.gender}`),
      birthDate: formatDate(info.birthDate),
      district: districtName ?? info.districtCode,
    });
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t(`worker.form.${mode}`)}>
      <Stack maw={720}>
        <TextInput
          label="NIK"
          required
          inputMode="numeric"
          maxLength={16}
          disabled={mode === "edit"}
          description={nikDescription}
          {...form.getInputProps("nik")}
          // Judged as typed (an unfinished NIK is not wrong yet); on submit, in full.
          error={
            form.errors.nik ??
            (nikCheck?.state === "invalid" ? nikCheck.message : undefined) ??
            (districtUnknown ? t("nik.unknownDistrict", { detail: info?.districtCode }) : undefined)
          }
          data-testid="nik-input"
        />
        <TextInput label={t("worker.fullName")} required {...form.getInputProps("fullName")} />
        <Select
          label={t("workers.occupation")}
          required
          data={Object.values(Occupation).map((o) => ({ value: o, label: t(`occupation.${o}`) }))}
          {...form.getInputProps("occupation")}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t("worker.phone")} type="tel" {...form.getInputProps("phone")} />
          <TextInput
            label={t("worker.membershipNumber")}
            {...form.getInputProps("membershipNumber")}
          />
        </SimpleGrid>
        <Fieldset legend={t("worker.form.domicile")} variant="unstyled">
          <RegionCascade
            depth={4}
            required
            value={form.values.villageCode}
            onChange={(code) => form.setFieldValue("villageCode", code)}
            error={form.errors.villageCode as string | undefined}
          />
        </Fieldset>
        {formError && (
          <Alert color="red" role="alert">
            {formError}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={submitting}>
            {mode === "register" ? t("worker.form.submitRegister") : t("common.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
