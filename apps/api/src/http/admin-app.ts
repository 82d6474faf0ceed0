import compression from "compression";
import express from "express";
import fs from "node:fs";
import path from "node:path";

// The built admin SPA at `/`. Vite names every asset by its content hash, so an asset never
// changes under its name: browsers keep it a year and do not ask again. index.html names the
// current assets, so it is always revalidated. Assets go out compressed (gzip or brotli, as
// the browser accepts); an office PC or a phone in the field downloads a third of the bytes.
export function serveAdmin(app: express.Express, dist: string): void {
  const index = path.join(dist, "index.html");
  if (!fs.existsSync(index)) {
    app.get("/", (_req, res) => {
      res
        .type("text")
        .send("The admin app is not built. Run `npm run build`, or `npm start`, which builds it.");
    });
    return;
  }
  app.use(
    "/assets",
    compression(),
    express.static(path.join(dist, "assets"), {
      immutable: true,
      maxAge: "365d",
      fallthrough: false,
    }),
  );
  const revalidate = (res: express.Response) => res.setHeader("cache-control", "no-cache");
  app.use(compression(), express.static(dist, { index: false, setHeaders: revalidate }));
  // Client-side routes fall back to index.html.
  app.get(/^\/(?!graphql|healthz).*/, (_req, res) => {
    revalidate(res);
    res.sendFile(index);
  });
}
