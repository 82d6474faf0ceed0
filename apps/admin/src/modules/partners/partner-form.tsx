import { useMutation } from "@apollo/client/react";
import {
  Alert,
  Button,
  Fieldset,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { PartnerKind } from "@sertakan/schema";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { PartnerInput, PartnerKind as PartnerKindType } from "../../gql/graphql";
import { describeError, fieldErrorsOf, placeFieldErrors } from "../../lib/errors";
import { refreshAfterWrite } from "../../lib/refresh";
import { useViewer } from "../auth/viewer";
import { RegionCascade } from "../regions/region-cascade";
import { CREATE_PARTNER } from "./graphql/create-partner.mutation";
import { UPDATE_PARTNER } from "./graphql/update-partner.mutation";

export type PartnerFormValues = {
  name: string;
  kind: PartnerKindType | "";
  regionCode: string;
  address: string;
  phone: string;
  email: string;
  agreementNumber: string;
  /** YYYY-MM-DD, "" for none. */
  agreementStart: string;
  agreementEnd: string;
  active: boolean;
};

type Props = {
  /** The partner being edited; without it the form registers a new one. */
  partner?: { id: string; values: PartnerFormValues };
  /** Called with the partner's id once the API has saved it. */
  onSaved: (id: string) => void;
};

const orNull = (v: string) => (v.trim() ? v.trim() : null);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Registers a partner, or replaces an existing partner's details (updatePartner). */
export function PartnerForm({ partner, onSaved }: Props) {
  const { t } = useTranslation();
  const viewer = useViewer();
  const mode = partner ? "edit" : "create";
  const [formError, setFormError] = useState<string | null>(null);
  // The lists and the accident form's PLKK picker (partners); the partner's own page, and
  // the agents' fees that name agents (an update).
  const [create, creating] = useMutation(CREATE_PARTNER, refreshAfterWrite(["partners"]));
  const [update, updating] = useMutation(
    UPDATE_PARTNER,
    refreshAfterWrite(["partners", "partner", "agentCommissions"]),
  );
  const form = useForm<PartnerFormValues>({
    initialValues: partner?.values ?? {
      name: "",
      kind: "",
      regionCode: viewer.regionScope?.code ?? "",
      address: "",
      phone: "",
      email: "",
      agreementNumber: "",
      agreementStart: "",
      agreementEnd: "",
      active: true,
    },
    validate: {
      name: (v) => (v.trim() ? null : t("form.required")),
      kind: (v) => (v ? null : t("form.required")),
      regionCode: (v) => (v ? null : t("form.required")),
      email: (v) => (!v || /^\S+@\S+$/.test(v) ? null : t("signIn.emailInvalid")),
      agreementStart: (v) => (!v || DATE.test(v) ? null : t("partnerForm.dateInvalid")),
      agreementEnd: (v, values) => {
        if (v && !DATE.test(v)) return t("partnerForm.dateInvalid");
        // ISO dates compare as strings.
        if (v && values.agreementStart && v < values.agreementStart)
          return t("partnerForm.endBeforeStart");
        return null;
      },
    },
  });
  const submit = form.onSubmit(async (v) => {
    setFormError(null);
    const input: PartnerInput = {
      name: v.name.trim(),
      kind: v.kind as PartnerKindType,
      regionCode: v.regionCode,
      address: orNull(v.address),
      phone: orNull(v.phone),
      email: orNull(v.email),
      agreementNumber: orNull(v.agreementNumber),
      agreementStart: v.agreementStart || null,
      agreementEnd: v.agreementEnd || null,
      active: v.active,
    };
    try {
      if (partner) {
        await update({ variables: { id: partner.id, input } });
        onSaved(partner.id);
      } else {
        const { data } = await create({ variables: { input } });
        onSaved(data!.createPartner.id);
      }
    } catch (e) {
      const fields = fieldErrorsOf(e, t);
      if (!Object.keys(fields).length) return setFormError(describeError(e, t));
      const placed = placeFieldErrors(fields, Object.keys(form.getValues()));
      form.setErrors(placed.atFields);
      if (placed.elsewhere) setFormError(placed.elsewhere);
    }
  });
  return (
    <form onSubmit={submit} noValidate aria-label={t(`partnerForm.${mode}`)}>
      <Stack maw={720}>
        <TextInput label={t("workers.name")} required {...form.getInputProps("name")} />
        <Select
          label={t("partners.kind")}
          required
          data={Object.values(PartnerKind).map((k) => ({ value: k, label: t(`partnerKind.${k}`) }))}
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
        <TextInput label={t("partnerForm.address")} {...form.getInputProps("address")} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t("worker.phone")} type="tel" {...form.getInputProps("phone")} />
          <TextInput label={t("signIn.email")} type="email" {...form.getInputProps("email")} />
        </SimpleGrid>
        <Fieldset legend={t("partners.agreement")}>
          <Stack>
            <TextInput
              label={t("partnerForm.agreementNumber")}
              {...form.getInputProps("agreementNumber")}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t("partnerForm.agreementStart")}
                type="date"
                {...form.getInputProps("agreementStart")}
              />
              <TextInput
                label={t("partnerForm.agreementEnd")}
                type="date"
                {...form.getInputProps("agreementEnd")}
              />
            </SimpleGrid>
          </Stack>
        </Fieldset>
        <Switch
          label={t("partners.active")}
          description={t("partnerForm.activeHint")}
          {...form.getInputProps("active", { type: "checkbox" })}
        />
        {formError && (
          <Alert color="red" role="alert">
            {formError}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={creating.loading || updating.loading}>
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
