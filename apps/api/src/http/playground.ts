import fs from "node:fs";
import path from "node:path";
import express from "express";

/** Where the playground's built files are served; its Vite `base` must match. */
export const PLAYGROUND_ASSETS = "/playground";

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sertakan GraphQL playground</title></head>
<body><h1>The playground is not built</h1>
<p>Run <code>npm run build</code> at the repository root (or <code>npm start</code>, which builds it), then reload.
GraphQL itself works: POST to this address with <code>content-type: application/json</code>.</p></body></html>`;

/**
 * A browser's GET /graphql (it asks for HTML and names no query) gets the offline GraphiQL
 * playground. Programs keep POST /graphql, and GET with a `query` or persisted-query
 * `extensions` parameter, which fall through to Apollo.
 */
export function servePlayground(app: express.Express, dist: string) {
  const index = path.join(dist, "index.html");
  // Vite names assets by content hash, so they may be cached for good.
  app.use(
    PLAYGROUND_ASSETS,
    express.static(dist, { index: false, immutable: true, maxAge: "365d", fallthrough: false }),
  );
  app.get("/graphql", (req, res, next) => {
    const wantsPage =
      req.query.query === undefined &&
      req.query.extensions === undefined &&
      req.accepts(["application/json", "application/graphql-response+json", "text/html"]) ===
        "text/html";
    if (!wantsPage) return next();
    res.setHeader("cache-control", "no-cache");
    if (!fs.existsSync(index)) return res.status(503).type("html").send(NOT_BUILT);
    res.sendFile(index);
  });
}
