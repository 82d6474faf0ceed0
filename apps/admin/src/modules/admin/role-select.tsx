import { Select, type SelectProps } from "@mantine/core";
import { Role } from "@sertakan/schema";
import { useTranslation } from "react-i18next";

export function RoleSelect(props: Omit<SelectProps, "data">) {
  const { t } = useTranslation();
  return (
    <Select
      label={t("users.role")}
      data={Object.values(Role).map((r) => ({ value: r, label: t(`role.${r}`) }))}
      {...props}
    />
  );
}
