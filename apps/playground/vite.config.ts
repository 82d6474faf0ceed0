import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The API serves this build: the page on GET /graphql, its files under /playground/.
// Everything, Monaco's workers and GraphiQL's fonts included, is bundled here: no CDN.
const apiOrigin = "http://127.0.0.1:4000";

export default defineConfig({
  base: "/playground/",
  plugins: [react()],
  worker: { format: "es" },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // GraphiQL's editor is Monaco: a few MB, loaded only by this page, never by the admin app.
    chunkSizeWarningLimit: 5_000,
  },
  server: {
    proxy: { "/graphql": apiOrigin },
  },
});
