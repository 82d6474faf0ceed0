import { Anchor } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { receiptUrl } from "./document-urls";

/** Opens a payment's receipt (PDF) in a new tab. */
export function ReceiptLink({ paymentId, reference }: { paymentId: string; reference: string }) {
  const { t } = useTranslation();
  return (
    <Anchor
      href={receiptUrl(paymentId)}
      target="_blank"
      rel="noopener"
      aria-label={t("documents.receiptOf", { reference })}
    >
      {t("documents.receipt")}
    </Anchor>
  );
}
