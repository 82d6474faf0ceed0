import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { en } from "./locales/en";
import { id } from "./locales/id";
import { storeLanguage, storedLanguage, type Language } from "./language";

export type { Language } from "./language";

// Bahasa Indonesia is the programme's working language; English is a switch away.
void i18n.use(initReactI18next).init({
  resources: { id: { translation: id }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: "id",
  interpolation: { escapeValue: false },
  returnNull: false,
  // A missing key is a bug: the e2e test fails on console errors, so say it loudly.
  saveMissing: true,
  missingKeyHandler: (_lngs, _ns, key) => console.error(`Missing translation: ${key}`),
});

export function setLanguage(language: Language): void {
  void i18n.changeLanguage(language);
  storeLanguage(language);
}

export { i18n };
