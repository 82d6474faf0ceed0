import { useMutation } from "@apollo/client/react";
import { Alert, Button, Group, NumberInput, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { isoDateOf } from "@sertakan/schema";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { describeError, fieldErrorsOf } from "../../lib/errors";
import { formatRupiah } from "../../lib/format";
import { COVER_FIELDS, refreshAfterWrite } from "../../lib/refresh";
import { RECORD_PAYMENT } from "./graphql/record-payment.mutation";
import { paidAtOfDay } from "./paid-at";

type Values = { amount: number | string; paidOn: string; reference: string };

/** Money received from a donor; the API pays the donor's due months oldest first. */
export function PaymentForm({ donorId, suggested }: { donorId: string; suggested: number }) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<string | null>(null);
  // The donor's figures and payments on screen are refetched before the button lets go.
  const [record, { loading }] = useMutation(
    RECORD_PAYMENT,
    refreshAfterWrite([...COVER_FIELDS, "payments"]),
  );
  const form = useForm<Values>({
    initialValues: { amount: suggested || "", paidOn: isoDateOf(new Date()), reference: "" },
    validate: {
      amount: (v) =>
        typeof v === "number" && Number.isInteger(v) && v > 0 ? null : t("payment.amountInvalid"),
      paidOn: (v) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? null : t("form.required")),
      reference: (v) => (v.trim() ? null : t("form.required")),
    },
  });

  // The outstanding amount moves with pledges, payments and cancellations on the same page:
  // follow it while the field is empty or still holds the previous suggestion.
  const shown = useRef(suggested);
  const latest = useRef(suggested);
  latest.current = suggested;
  useEffect(() => {
    const amount = form.getValues().amount;
    if (amount === "" || amount === shown.current) form.setFieldValue("amount", suggested || "");
    shown.current = suggested;
  }, [suggested]);

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    try {
      const { data } = await record({
        variables: {
          input: {
            donorId,
            amount: Number(values.amount),
            paidAt: paidAtOfDay(values.paidOn),
            reference: values.reference.trim(),
          },
        },
      });
      const p = data!.recordPayment;
      notifications.show({
        color: "teal",
        message: t("payment.recorded", {
          allocated: formatRupiah(p.allocated),
          credit: formatRupiah(p.unallocated),
        }),
      });
      // Offer what is still outstanding (the donor's figures were refetched with the payment).
      form.setValues({ amount: latest.current || "", reference: "" });
      shown.current = latest.current;
    } catch (e) {
      const fields = fieldErrorsOf(e, t);
      if (fields.paidAt) fields.paidOn = fields.paidAt;
      if (Object.keys(fields).length) form.setErrors(fields);
      else setFormError(describeError(e, t));
    }
  });

  return (
    <form onSubmit={submit} noValidate aria-label={t("payment.title")}>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NumberInput
            label={t("payment.amount")}
            required
            min={1}
            allowDecimal={false}
            thousandSeparator="."
            decimalSeparator=","
            prefix="Rp"
            {...form.getInputProps("amount")}
          />
          <TextInput
            label={t("payment.paidOn")}
            type="date"
            required
            {...form.getInputProps("paidOn")}
          />
          <TextInput
            label={t("payment.reference")}
            description={t("payment.referenceHint")}
            required
            {...form.getInputProps("reference")}
          />
        </SimpleGrid>
        {formError && (
          <Alert color="red" role="alert">
            {formError}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={loading}>
            {t("payment.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
