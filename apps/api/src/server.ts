import "reflect-metadata";
import fs from "node:fs";
import path from "node:path";
import express from "express";
import { ApolloServer } from "@apollo/server";
import { expressMiddleware } from "@as-integrations/express5";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { DataSource } from "typeorm";
import { Config } from "./config";
import { Context, createContext } from "./context";
import { createDataSource } from "./database/data-source";
import { migrateDatabase, withStartupLock } from "./database/migrate";
import { loadRegions } from "./modules/region/region-data";
import { isDatabaseEmpty, seedDemo } from "./database/seed/demo-seed";
import { createErrorFormatter } from "./graphql/errors";
import { createSchema } from "./schema";
import { createServices } from "./services";

export type Server = {
  app: express.Express;
  apollo: ApolloServer<Context>;
  dataSource: DataSource;
  /** Stops Apollo and closes the pool (not the embedded database: main owns that). */
  close: () => Promise<void>;
};

export type ServerOptions = {
  databaseUrl: string;
  log?: (message: string) => void;
  onQuery?: (sql: string) => void;
  /** The clock for "this month" rules; tests move it. */
  now?: () => Date;
};

/**
 * Connects, migrates, loads regions (and the demo when configured), and returns the app
 * ready to listen. Tests call this directly against their own database.
 */
export async function createServer(
  config: Config,
  { databaseUrl, log = () => undefined, onQuery, now }: ServerOptions,
): Promise<Server> {
  const dataSource = createDataSource({ url: databaseUrl, onQuery });
  await dataSource.initialize();
  try {
    await migrateDatabase(dataSource, log);
    await withStartupLock(dataSource, async () => {
      const started = Date.now();
      const regions = await loadRegions(dataSource, log);
      if (!regions.skipped)
        log(
          `regions loaded: ${regions.loaded.toLocaleString("en")} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
        );
      if (config.seedDemo && (await isDatabaseEmpty(dataSource))) {
        const t = Date.now();
        const summary = await seedDemo(dataSource, { log });
        log(
          `demo data loaded in ${((Date.now() - t) / 1000).toFixed(1)} s: ${summary.workers} workers, ${summary.donors} donors, ${summary.partners} partners`,
        );
      }
    });
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }

  const services = createServices(dataSource, now);
  const apollo = new ApolloServer<Context>({
    schema: await createSchema(),
    formatError: createErrorFormatter(config.env === "production"),
    includeStacktraceInErrorResponses: config.env !== "production",
    introspection: true,
    // The offline playground replaces Apollo's CDN-hosted landing page.
    plugins: [ApolloServerPluginLandingPageDisabled()],
  });
  await apollo.start();

  const app = express();
  app.disable("x-powered-by");
  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  app.use(
    "/graphql",
    express.json({ limit: "2mb" }),
    expressMiddleware(apollo, { context: async () => createContext(dataSource, services) }),
  );
  serveAdmin(app, config.adminDist);

  return {
    app,
    apollo,
    dataSource,
    close: async () => {
      await apollo.stop();
      await dataSource.destroy();
    },
  };
}

// The built admin SPA at `/`; its client-side routes fall back to index.html.
function serveAdmin(app: express.Express, dist: string) {
  const index = path.join(dist, "index.html");
  if (!fs.existsSync(index)) {
    app.get("/", (_req, res) => {
      res
        .type("text")
        .send("The admin app is not built. Run `npm run build`, or `npm start`, which builds it.");
    });
    return;
  }
  app.use(express.static(dist, { index: "index.html", maxAge: "1h" }));
  app.get(/^\/(?!graphql|healthz).*/, (_req, res) => res.sendFile(index));
}
