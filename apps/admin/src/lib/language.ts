// The chosen language, kept apart from i18next so the sign-in page can read it without
// loading i18next (the signed-in app initialises i18next from the same stored choice).
export const LANGUAGES = ["id", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = "sertakan.language";

/** Bahasa Indonesia is the programme's working language; English is a switch away. */
export function storedLanguage(): Language {
  try {
    const value = globalThis.localStorage?.getItem(STORAGE_KEY);
    return value === "en" ? "en" : "id";
  } catch {
    return "id";
  }
}

export function storeLanguage(language: Language): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode: the choice lasts for this tab only.
  }
  document.documentElement.lang = language;
}
