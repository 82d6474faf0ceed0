import { en } from "./en";
import { id } from "./id";

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value === "string") return [prefix];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
    keys(v, prefix ? `${prefix}.${k}` : k),
  );
}

test("English has exactly the Indonesian keys, none left empty", () => {
  expect(keys(en).sort()).toEqual(keys(id).sort());
  for (const messages of [id, en]) {
    for (const key of keys(messages)) {
      const text = key
        .split(".")
        .reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], messages);
      expect(String(text).trim()).not.toBe("");
    }
  }
});
