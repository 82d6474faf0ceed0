import { Alert } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Outlet } from "react-router";
import { useCanWrite } from "../auth/viewer";

/**
 * Pages that change data (forms, import, sponsoring). A VIEWER has no button to them; one who
 * opens one by its address is told at once, instead of filling a form the API will refuse.
 */
export function WritersOnly() {
  const { t } = useTranslation();
  return useCanWrite() ? <Outlet /> : <Alert color="red">{t("errors.FORBIDDEN")}</Alert>;
}
