import { SegmentedControl } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { setLanguage, type Language } from "../../lib/i18n";

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      aria-label={t("layout.language")}
      size="xs"
      value={i18n.language === "en" ? "en" : "id"}
      onChange={(value) => setLanguage(value as Language)}
      data={[
        { value: "id", label: "Bahasa Indonesia" },
        { value: "en", label: "English" },
      ]}
    />
  );
}
