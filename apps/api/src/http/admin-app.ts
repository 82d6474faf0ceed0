import compression from "compression";
import express from "express";
import fs from "node:fs";
import path from "node:path";
import { parse as parseCookies } from "cookie";
import { SESSION_COOKIE } from "../modules/auth/http-auth";
import { signedInPreloadTags, type ViteManifest } from "./admin-preload";

// The built admin SPA at `/`. Vite names every asset by its content hash, so an asset never
// changes under its name: browsers keep it a year and do not ask again. index.html names the
// current assets, so it is always revalidated. Assets go out compressed (gzip or brotli, as
// the browser accepts); an office PC or a phone in the field downloads a third of the bytes.
// A request with a session cookie gets index.html with the signed-in app preloaded.
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
  const signedOut = fs.readFileSync(index, "utf8");
  const signedIn = signedOut.replace("</head>", `${preloadTags(dist)}</head>`);
  // Client-side routes fall back to index.html.
  app.get(/^\/(?!graphql|healthz).*/, (req, res) => {
    revalidate(res);
    res.setHeader("vary", "Cookie");
    const session = parseCookies(req.headers.cookie ?? "")[SESSION_COOKIE];
    res.type("html").send(session ? signedIn : signedOut);
  });
}

/** Preload tags from the build's manifest (dist/.vite, which express.static does not serve). */
function preloadTags(dist: string): string {
  const file = path.join(dist, ".vite", "manifest.json");
  if (!fs.existsSync(file)) return "";
  return signedInPreloadTags(JSON.parse(fs.readFileSync(file, "utf8")) as ViteManifest);
}
