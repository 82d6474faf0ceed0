import { execFile } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { promisify } from "node:util";
import { loadConfig } from "../config";
import { Server, createServer } from "../server";
import { createTestDatabase } from "../test/test-database";

const BUILT = path.resolve(__dirname, "../../../playground/dist");
// Debian's package; .ci/run installs it (apt-get install chromium) when it is missing.
const CHROMIUM = "/usr/bin/chromium";

// The API on its own database, serving the playground from `dist`.
async function serve(dist: string) {
  const db = await createTestDatabase();
  const config = {
    ...loadConfig({ NODE_ENV: "test", SEED_DEMO: "false", RATE_LIMIT_PER_MINUTE: "0" }),
    playgroundDist: dist,
  };
  const server: Server = await createServer(config, { databaseUrl: db.url });
  const http = server.app.listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => http.once("listening", () => resolve()));
  return {
    base: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    close: async () => {
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await server.close();
      await db.drop();
    },
  };
}

const BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

describe("the playground on GET /graphql", () => {
  let api: Awaited<ReturnType<typeof serve>>;
  let fixture: string;
  beforeAll(async () => {
    fixture = fs.mkdtempSync(path.join(os.tmpdir(), "playground-"));
    fs.mkdirSync(path.join(fixture, "assets"));
    fs.writeFileSync(
      path.join(fixture, "index.html"),
      `<html><script type="module" src="/playground/assets/app-1234.js"></script></html>`,
    );
    fs.writeFileSync(path.join(fixture, "assets/app-1234.js"), "console.log('graphiql')");
    api = await serve(fixture);
  });
  afterAll(() => api.close());

  it("gives a browser the page, under the API's content security policy", async () => {
    const res = await fetch(`${api.base}/graphql`, { headers: { accept: BROWSER_ACCEPT } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await res.text()).toContain("/playground/assets/app-1234.js");
    const csp = res.headers.get("content-security-policy")!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("worker-src 'self' blob:");
  });

  it("serves its hashed files for good, and a missing one as 404", async () => {
    const asset = await fetch(`${api.base}/playground/assets/app-1234.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get("cache-control")).toContain("immutable");
    expect((await fetch(`${api.base}/playground/assets/gone.js`)).status).toBe(404);
  });

  it("leaves GraphQL over GET and POST to Apollo", async () => {
    const get = await fetch(`${api.base}/graphql?query=${encodeURIComponent("{ __typename }")}`, {
      headers: { accept: BROWSER_ACCEPT, "apollo-require-preflight": "true" },
    });
    expect(await get.json()).toEqual({ data: { __typename: "Query" } });
    const json = await fetch(`${api.base}/graphql`, { headers: { accept: "application/json" } });
    expect(json.headers.get("content-type")).toMatch(/json/);
    const post = await fetch(`${api.base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: BROWSER_ACCEPT },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    expect(await post.json()).toEqual({ data: { __typename: "Query" } });
  });

  it("says how to build it when it is not built", async () => {
    const empty = await serve(path.join(fixture, "missing"));
    try {
      const res = await fetch(`${empty.base}/graphql`, { headers: { accept: BROWSER_ACCEPT } });
      expect(res.status).toBe(503);
      expect(await res.text()).toContain("npm run build");
    } finally {
      await empty.close();
    }
  });
});

// Passes every request on to `target` and records what GraphQL the page sent.
async function recordingProxy(target: string) {
  const posted: { status: number; body: string }[] = [];
  const proxy = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const upstream = http.request(
        `${target}${req.url}`,
        { method: req.method, headers: req.headers },
        (answer) => {
          if (req.method === "POST")
            posted.push({ status: answer.statusCode!, body: body.toString("utf8") });
          res.writeHead(answer.statusCode!, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.end(body);
    });
  });
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    posted,
    close: () => new Promise<void>((resolve) => proxy.close(() => resolve())),
  };
}

// The real build in headless Chromium with the network closed to everything but the API:
// GraphiQL must render, with the examples, under the API's CSP and with no CDN.
describe("the built playground in a browser", () => {
  it("renders GraphiQL offline with the example operations", async () => {
    if (!fs.existsSync(path.join(BUILT, "index.html")))
      throw new Error("apps/playground/dist is missing: run `npm run build` (npm test does).");
    if (!fs.existsSync(CHROMIUM))
      throw new Error(
        `${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium).`,
      );
    const api = await serve(BUILT);
    const proxy = await recordingProxy(api.base);
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), "chromium-"));
    try {
      const { stdout } = await promisify(execFile)(
        CHROMIUM,
        [
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          `--user-data-dir=${profile}`,
          // Anything but the API's own address fails to resolve: no internet.
          "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
          "--virtual-time-budget=15000",
          "--dump-dom",
          `${proxy.url}/graphql`,
        ],
        { timeout: 60_000, maxBuffer: 32 * 1024 * 1024 },
      );
      expect(stdout).toContain("graphiql-container");
      expect(stdout).toContain("API key or token");
      // The first example tab's operation is in the editor.
      expect(stdout).toContain("KlatenWorkers");
      // GraphiQL's fetcher reached the API under its CSP: the schema came back for the docs.
      const introspection = proxy.posted.find((p) => p.body.includes("__schema"));
      expect(introspection?.status).toBe(200);
    } finally {
      await proxy.close();
      await api.close();
      fs.rmSync(profile, { recursive: true, force: true });
    }
  }, 90_000);
});
