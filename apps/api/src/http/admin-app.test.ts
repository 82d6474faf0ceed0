import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { loadConfig } from "../config";
import { Server, createServer } from "../server";
import { createTestDatabase } from "../test/test-database";

// The admin build as Vite writes it: index.html naming a content-hashed script.
const SCRIPT = `console.log(${JSON.stringify("Sertakan ".repeat(400))});\n`;

describe("the admin app's files", () => {
  let base = "";
  let close: () => Promise<void>;
  let dist = "";

  beforeAll(async () => {
    dist = fs.mkdtempSync(path.join(os.tmpdir(), "sertakan-admin-dist-"));
    fs.mkdirSync(path.join(dist, "assets"));
    fs.writeFileSync(path.join(dist, "assets", "index-Ab12Cd34.js"), SCRIPT);
    fs.writeFileSync(
      path.join(dist, "index.html"),
      '<!doctype html><head><script type="module" src="/assets/index-Ab12Cd34.js"></script></head>',
    );
    // The entry shares one chunk with the signed-in app, which adds its own script and CSS.
    fs.mkdirSync(path.join(dist, ".vite"));
    fs.writeFileSync(
      path.join(dist, ".vite", "manifest.json"),
      JSON.stringify({
        "index.html": {
          file: "assets/index-Ab12Cd34.js",
          imports: ["_shared.js"],
          dynamicImports: ["src/signed-in-app.tsx"],
        },
        "_shared.js": { file: "assets/shared-Ee56Ff78.js" },
        "src/signed-in-app.tsx": {
          file: "assets/signed-in-app-Gg90Hh12.js",
          imports: ["_shared.js", "index.html"],
          css: ["assets/signed-in-app-Ii34Jj56.css"],
        },
      }),
    );
    const db = await createTestDatabase();
    const config = {
      ...loadConfig({ NODE_ENV: "test", SEED_DEMO: "false", RATE_LIMIT_PER_MINUTE: "0" }),
      adminDist: dist,
    };
    const server: Server = await createServer(config, { databaseUrl: db.url });
    const listener = server.app.listen(0, "127.0.0.1");
    await new Promise<void>((resolve) => listener.once("listening", () => resolve()));
    base = `http://127.0.0.1:${(listener.address() as AddressInfo).port}`;
    close = async () => {
      await new Promise<void>((resolve) => listener.close(() => resolve()));
      await server.close();
      await db.drop();
    };
  });

  afterAll(async () => {
    await close?.();
    fs.rmSync(dist, { recursive: true, force: true });
  });

  test("a hashed asset is kept a year and sent compressed", async () => {
    // node:http hands over the bytes as sent (fetch would decode them).
    const res = await new Promise<http.IncomingMessage>((resolve, reject) =>
      http
        .get(
          `${base}/assets/index-Ab12Cd34.js`,
          { headers: { "accept-encoding": "gzip" } },
          resolve,
        )
        .on("error", reject),
    );
    const chunks: Buffer[] = [];
    for await (const chunk of res) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    expect(res.statusCode).toBe(200);
    expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(res.headers["content-encoding"]).toBe("gzip");
    expect(body.length).toBeLessThan(SCRIPT.length / 4);
    expect(gunzipSync(body).toString()).toBe(SCRIPT);
  });

  test("a missing asset is a 404, not the app's page", async () => {
    const res = await fetch(`${base}/assets/index-Gone0000.js`);
    expect(res.status).toBe(404);
  });

  test("index.html, at / and at a client-side route, is always revalidated", async () => {
    for (const route of ["/", "/workers/123", "/index.html"]) {
      const res = await fetch(`${base}${route}`);
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toBe("no-cache");
      expect(await res.text()).toContain("/assets/index-Ab12Cd34.js");
    }
  });

  test("a signed-in browser gets the signed-in app preloaded with index.html", async () => {
    const signedIn = await fetch(`${base}/workers`, {
      headers: { cookie: "sertakan_session=whatever" },
    });
    const html = await signedIn.text();
    expect(signedIn.headers.get("vary")).toMatch(/cookie/i);
    expect(html).toContain(
      '<link rel="modulepreload" crossorigin href="/assets/signed-in-app-Gg90Hh12.js">',
    );
    expect(html).toContain(
      '<link rel="preload" as="style" crossorigin href="/assets/signed-in-app-Ii34Jj56.css">',
    );
    // What index.html already loads is not announced twice.
    expect(html).not.toContain("shared-Ee56Ff78.js");

    const signedOut = await (await fetch(`${base}/workers`)).text();
    expect(signedOut).not.toContain("signed-in-app");
  });

  test("the build manifest is not served", async () => {
    const res = await fetch(`${base}/.vite/manifest.json`);
    expect(await res.text()).not.toContain("signed-in-app");
  });
});
