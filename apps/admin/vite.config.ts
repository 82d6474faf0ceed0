import react from "@vitejs/plugin-react";
import path from "node:path";
import { defineConfig, type Plugin } from "vite";

// In development the API runs on its own port; in production it serves this build itself,
// so the app always talks to a same-origin `/graphql` and the session cookie just works.
const apiOrigin = "http://127.0.0.1:4000";

/**
 * The sign-in page's own stylesheet (about 10 KB gzip) goes inline into index.html, so no
 * request stands between the HTML and the first paint on a slow network. (The entry is
 * named "first-screen" so that its stylesheet can be told from every other.)
 *
 * Its <link> stays, disabled with media="not all": lazy chunks that share code with the
 * entry list this stylesheet as theirs, and Vite's loader adds every listed stylesheet that
 * has no <link> yet. Added then, it would come after Mantine's full stylesheet and the
 * theme's variables and override them.
 */
const FIRST_SCREEN_CSS = /(^|\/)assets\/first-screen-[\w-]+\.css$/;

function inlineFirstScreenCss(): Plugin {
  return {
    name: "sertakan:inline-first-screen-css",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler(html, ctx) {
        return html.replace(
          /<link rel="stylesheet" crossorigin href="\/(assets\/[^"]+\.css)">/g,
          (link, file: string) => {
            const asset = ctx.bundle?.[file];
            if (!FIRST_SCREEN_CSS.test(file) || asset?.type !== "asset") return link;
            const disabled = link.replace("<link ", '<link media="not all" ');
            return `<style>${String(asset.source)}</style>${disabled}`;
          },
        );
      },
    },
  };
}

export default defineConfig({
  base: "/",
  plugins: [react(), inlineFirstScreenCss()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // dist/.vite/manifest.json: the budget test reads what each screen loads from it
    // (express.static does not serve dot-folders).
    manifest: true,
    rollupOptions: { input: { "first-screen": path.resolve(__dirname, "index.html") } },
  },
  // @sertakan/schema's TypeScript source, not its CommonJS build: as ES modules it is
  // tree-shaken, so a page carries only the rules it uses (the API keeps the CommonJS build).
  resolve: {
    alias: { "@sertakan/schema": path.resolve(__dirname, "../../packages/schema/src/index.ts") },
  },
  server: {
    proxy: {
      "/graphql": apiOrigin,
      "/healthz": apiOrigin,
      "/documents": apiOrigin,
    },
  },
});
