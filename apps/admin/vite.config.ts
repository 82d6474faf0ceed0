import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// In development the API runs on its own port; in production it serves this build itself,
// so the app always talks to a same-origin `/graphql` and the session cookie just works.
const apiOrigin = "http://127.0.0.1:4000";

export default defineConfig({
  base: "/",
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // dist/.vite/manifest.json: the budget test reads what each screen loads from it
    // (express.static does not serve dot-folders).
    manifest: true,
  },
  // @sertakan/schema is a linked workspace package compiled to CommonJS: the dev server
  // must pre-bundle it to ESM like any npm dependency (the production build does anyway).
  optimizeDeps: { include: ["@sertakan/schema"] },
  server: {
    proxy: {
      "/graphql": apiOrigin,
      "/healthz": apiOrigin,
      "/documents": apiOrigin,
    },
  },
});
