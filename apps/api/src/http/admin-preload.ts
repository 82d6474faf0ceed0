// What a signed-in browser needs right after index.html: the signed-in app's scripts and
// styles, named by Vite's build manifest. Announced in index.html for a request that carries
// the session cookie, they download beside the entry instead of after the `me` round trip.

type Chunk = { file: string; imports?: string[]; css?: string[] };
export type ViteManifest = Record<string, Chunk>;

/** The signed-in app's dynamic entry in apps/admin (see its src/app.tsx). */
export const SIGNED_IN_APP = "src/signed-in-app.tsx";

/** A chunk's file, its static imports' files, and their CSS, each once. */
function filesOf(manifest: ViteManifest, key: string, into = new Set<string>()): Set<string> {
  const chunk = manifest[key];
  if (!chunk || into.has(chunk.file)) return into;
  into.add(chunk.file);
  chunk.css?.forEach((css) => into.add(css));
  chunk.imports?.forEach((imported) => filesOf(manifest, imported, into));
  return into;
}

/** `<link>` tags for what the signed-in app adds to the sign-in page's own files. */
export function signedInPreloadTags(manifest: ViteManifest): string {
  if (!manifest[SIGNED_IN_APP]) return "";
  const firstScreen = filesOf(manifest, "index.html");
  return [...filesOf(manifest, SIGNED_IN_APP)]
    .filter((file) => !firstScreen.has(file))
    .map((file) =>
      file.endsWith(".css")
        ? `<link rel="preload" as="style" crossorigin href="/${file}">`
        : `<link rel="modulepreload" crossorigin href="/${file}">`,
    )
    .join("");
}
