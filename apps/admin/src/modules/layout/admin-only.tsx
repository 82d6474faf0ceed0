import { Alert } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Outlet } from "react-router";
import { useIsAdmin } from "../auth/viewer";

/** Users, API keys and the audit log: a national ADMIN's pages. */
export function AdminOnly() {
  const { t } = useTranslation();
  return useIsAdmin() ? <Outlet /> : <Alert color="red">{t("errors.FORBIDDEN")}</Alert>;
}
