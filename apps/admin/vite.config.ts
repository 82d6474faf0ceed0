import react from "@vitejs/plugin-react";
import path from "node:path";
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
