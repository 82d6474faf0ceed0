import { useMutation } from "@apollo/client/react";
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { describeError, fieldErrorsOf } from "../../lib/errors";
import { formatRupiah } from "../../lib/format";
import { COVER_FIELDS, refreshAfterWrite } from "../../lib/refresh";
import { CANCEL_SPONSORSHIP } from "./graphql/cancel-sponsorship.mutation";

// Offered only while `hasDueMonths` (@sertakan/schema) holds.
type Cancellable = { id: string; status: string; paid: number; total: number };

type Props = {
  sponsorship: Cancellable;
  /** Who and what is being cancelled, for the dialog: "Sri Rahayu, Jan 2026 – Mar 2026". */
  description: string;
};

/** "Cancel" beside a sponsorship, and the dialog that asks why before cancelling it. */
export function CancelSponsorshipButton({ sponsorship, description }: Props) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const [formError, setFormError] = useState<string | null>(null);
  // The donor's figures, the worker's coverage and the dashboard all move with it.
  const [cancel, { loading }] = useMutation(CANCEL_SPONSORSHIP, refreshAfterWrite(COVER_FIELDS));
  const form = useForm({
    initialValues: { reason: "" },
    validate: {
      reason: (v) => (v.trim().length >= 3 ? null : t("cancelSponsorship.reasonRequired")),
    },
  });
  const dismiss = () => {
    form.reset();
    setFormError(null);
    close();
  };
  const submit = form.onSubmit(async ({ reason }) => {
    setFormError(null);
    try {
      await cancel({ variables: { id: sponsorship.id, reason: reason.trim() } });
      notifications.show({ color: "teal", message: t("cancelSponsorship.done") });
      dismiss();
    } catch (e) {
      const fields = fieldErrorsOf(e, t);
      if (fields.reason) form.setFieldError("reason", fields.reason);
      else setFormError(describeError(e, t));
    }
  });
  return (
    <>
      <Button
        size="compact-sm"
        variant="subtle"
        color="red"
        onClick={open}
        aria-label={t("cancelSponsorship.action", { what: description })}
      >
        {t("cancelSponsorship.short")}
      </Button>
      <Modal
        opened={opened}
        onClose={dismiss}
        title={t("cancelSponsorship.title")}
        closeButtonProps={{ "aria-label": t("common.close") }}
      >
        <form onSubmit={submit} noValidate aria-label={t("cancelSponsorship.title")}>
          <Stack>
            <Text>{description}</Text>
            <Text size="sm">
              {sponsorship.paid > 0
                ? t("cancelSponsorship.paidStay", { paid: formatRupiah(sponsorship.paid) })
                : t("cancelSponsorship.nonePaid")}
            </Text>
            <Textarea
              label={t("cancelSponsorship.reason")}
              description={t("cancelSponsorship.reasonHint")}
              required
              autosize
              minRows={2}
              maxLength={500}
              data-autofocus
              {...form.getInputProps("reason")}
            />
            {formError && (
              <Alert color="red" role="alert">
                {formError}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={dismiss}>
                {t("cancelSponsorship.keep")}
              </Button>
              <Button type="submit" color="red" loading={loading}>
                {t("cancelSponsorship.confirm")}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
