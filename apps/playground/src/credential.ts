// The API key or token lives in sessionStorage: it is gone when the tab closes, so a
// shared office computer does not keep a regional office's key.
const STORAGE_KEY = "sertakan.playground.credential";

export function readCredential(): string {
  return sessionStorage.getItem(STORAGE_KEY) ?? "";
}

export function saveCredential(value: string): void {
  if (value) sessionStorage.setItem(STORAGE_KEY, value);
  else sessionStorage.removeItem(STORAGE_KEY);
}

/** The header for a credential; a pasted "Bearer …" is accepted as is. */
export function authorizationFor(credential: string): Record<string, string> {
  const value = credential.trim();
  if (!value) return {};
  return { authorization: /^bearer\s/i.test(value) ? value : `Bearer ${value}` };
}
