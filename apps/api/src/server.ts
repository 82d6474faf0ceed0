import "reflect-metadata";
import http from "node:http";
import cors from "cors";
import express from "express";
import helmet from "helmet";
import { ApolloServer } from "@apollo/server";
import { expressMiddleware } from "@as-integrations/express5";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from "@apollo/server/plugin/disabled";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloArmor } from "@escape.tech/graphql-armor";
import { DataSource } from "typeorm";
import { Role } from "@sertakan/schema";
import { Config } from "./config";
import { Context, createContext } from "./context";
import { createDataSource } from "./database/data-source";
import { migrateDatabase, withStartupLock } from "./database/migrate";
import { loadRegions } from "./modules/region/region-data";
import { isDatabaseEmpty, seedDemo } from "./database/seed/demo-seed";
import { createErrorFormatter } from "./graphql/errors";
import { introspectionOnlyWhenSignedIn } from "./graphql/introspection";
import { clientErrorsAre400 } from "./graphql/client-error-status";
import { createSchema } from "./schema";
import { directAnswers } from "./graphql/direct-answers";
import { CATALOG, CompiledReads } from "./compiled-reads";
import { startReminderScheduler } from "./modules/reminder/reminder.scheduler";
import { Services, createServices } from "./services";
import { authenticate } from "./modules/auth/http-auth";
import { httpErrorHandler } from "./http/errors";
import { memoryStore, postgresStore, rateLimit } from "./http/rate-limit";
import {
  closeStatementPools,
  readPool,
  refuseStandbyAsPrimary,
  routeReads,
  watchReplicas,
} from "./database/replicas";
import { Lifecycle, healthRoutes } from "./observability/health";
import { Logger, silentLogger } from "./observability/logger";
import { metricsAccess, metricsHandler, watchPools } from "./observability/metrics";
import { operationObservability } from "./observability/graphql-plugin";
import { requestLog } from "./observability/request-log";
import { servePlayground } from "./http/playground";
import { serveAdmin } from "./http/admin-app";
import { documentRoutes } from "./modules/document/document.routes";
import { forwardEdgeError, graphqlEdge } from "./http/graphql-edge";
import { persistedQueryOptions } from "./graphql/persisted/apq";
import {
  Safelist,
  isOperationAllowed,
  loadSafelist,
  safelistPlugin,
} from "./graphql/persisted/safelist";

export type Server = {
  app: express.Express;
  /** Serves `app`; listen on this one so shutdown can drain its in-flight requests. */
  httpServer: http.Server;
  lifecycle: Lifecycle;
  apollo: ApolloServer<Context>;
  dataSource: DataSource;
  services: Services;
  /** Which operations API keys may run (API_KEY_SAFELIST); see isOperationAllowed. */
  safelist: Safelist;
  /** What start-up created that a person needs to know (the demo sign-ins). */
  notices: string[];
  /**
   * Stops accepting, lets in-flight requests finish (up to SHUTDOWN_GRACE_MS), then
   * closes the pool (not the embedded database: main owns that).
   */
  close: () => Promise<void>;
};

export type ServerOptions = {
  databaseUrl: string;
  log?: (message: string) => void;
  /** JSON request logs; tests pass none and get none. */
  logger?: Logger;
  onQuery?: (sql: string) => void;
  /** The clock for "this month" rules; tests move it. */
  now?: () => Date;
};

// The body of one GraphQL request; a 5,000-row import is about 1 MB of JSON.
const BODY_LIMIT = "2mb";
const MAX_TOKENS = 5_000;

/**
 * Connects, migrates, loads regions (and the demo when configured), and returns the app
 * ready to listen. Tests call this directly against their own database.
 */
export async function createServer(
  config: Config,
  { databaseUrl, log = () => undefined, logger = silentLogger, onQuery, now }: ServerOptions,
): Promise<Server> {
  const production = config.env === "production";
  // Start-up work (migrations, the region load, the demo) runs on its own small pool
  // without the per-request statement timeout, which is sized for requests, not loads.
  const maintenance = createDataSource({ url: databaseUrl, poolSize: 2, statementTimeoutMs: 0 });
  await maintenance.initialize();
  const notices: string[] = [];
  try {
    await migrateDatabase(maintenance, log);
    await withStartupLock(maintenance, async () => {
      const started = Date.now();
      const regions = await loadRegions(maintenance, log);
      if (!regions.skipped)
        log(
          `regions loaded: ${regions.loaded.toLocaleString("en")} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
        );
      if (config.seedDemo && (await isDatabaseEmpty(maintenance))) {
        const t = Date.now();
        const summary = await seedDemo(maintenance, { log });
        log(
          `demo data loaded in ${((Date.now() - t) / 1000).toFixed(1)} s: ${summary.workers} workers, ${summary.donors} donors, ${summary.partners} partners`,
        );
      }
      notices.push(
        ...(await ensureUsers(createServices(maintenance, { now, production }), config)),
      );
    });
    if (!config.admin) {
      const [{ n }] = await maintenance.query(`SELECT count(*)::int AS n FROM app_user`);
      if (n === 0)
        log(
          "no user can sign in: set ADMIN_EMAIL and ADMIN_PASSWORD to create the first administrator",
        );
    }
  } finally {
    await maintenance.destroy();
  }

  const dataSource = createDataSource({
    url: databaseUrl,
    onQuery,
    statementTimeoutMs: config.statementTimeoutMs,
    replicaUrls: config.replicaUrls,
  });
  await dataSource.initialize();
  refuseStandbyAsPrimary(dataSource);
  watchPools(dataSource);
  const readRouting = routeReads(dataSource);
  const stopReplicaProbes = watchReplicas(dataSource, (message, up) =>
    up ? logger.info(message) : logger.warn(message),
  );
  const httpServer = http.createServer();
  const lifecycle: Lifecycle = { draining: false };
  const services = createServices(dataSource, { now, production, mail: config.mail });

  const armor = new ApolloArmor({
    maxDepth: { n: 12 },
    maxAliases: { n: 30 },
    // Tokens are limited by the parser itself (parseOptions below): a parse error is a 400.
    maxTokens: { enabled: false },
    maxDirectives: { n: 20 },
    costLimit: { maxCost: 20_000 },
    blockFieldSuggestion: { enabled: production },
  });
  const protection = armor.protect();
  const schema = await createSchema();
  const safelist = loadSafelist(config.apiKeySafelist, config.clientOperationsDir);
  const apollo = new ApolloServer<Context>({
    schema,
    formatError: createErrorFormatter(production),
    includeStacktraceInErrorResponses: !production,
    introspection: true,
    csrfPrevention: true,
    parseOptions: { maxTokens: MAX_TOKENS },
    persistedQueries: persistedQueryOptions(),
    validationRules: protection.validationRules,
    // The offline playground replaces Apollo's CDN-hosted landing page.
    plugins: [
      ...protection.plugins,
      ApolloServerPluginLandingPageDisabled(),
      // No HTTP caching of GraphQL answers here, and its per-field hook costs on every field.
      ApolloServerPluginCacheControlDisabled(),
      clientErrorsAre400(),
      operationObservability(),
      ApolloServerPluginDrainHttpServer({
        httpServer,
        stopGracePeriodMillis: config.shutdownGraceMs,
      }),
      safelistPlugin(safelist),
      ...(production ? [introspectionOnlyWhenSignedIn()] : []),
    ],
  });
  await apollo.start();

  // The gates every request passes, shared by Express and the GraphQL edge below.
  const logRequest = requestLog(logger);
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", "blob:"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
    },
  });
  const corsPolicy = cors({
    origin: config.corsOrigins.length ? config.corsOrigins : false,
    credentials: true,
    maxAge: 600,
  });
  const signIn = authenticate(services.auth);
  const limiter = rateLimit(
    config.rateLimitStore === "postgres" ? postgresStore(dataSource) : memoryStore(),
    config.rateLimitPerMinute,
  );
  // The hot reads answered whole by PostgreSQL; everything else goes on to Apollo.
  const compiledReads = config.compiledReads
    ? new CompiledReads(schema, CATALOG, () => readPool(dataSource), services.now, logger)
    : undefined;
  const direct = directAnswers(
    schema,
    {},
    {
      compiled: compiledReads,
      logger,
      validationRules: protection.validationRules,
      maxTokens: MAX_TOKENS,
      allows: (viewer, document) => isOperationAllowed(safelist, viewer, document),
    },
  );

  const app = express();
  app.disable("x-powered-by");
  app.use(forwardEdgeError);
  app.use(logRequest);
  app.use(securityHeaders);
  app.use(healthRoutes(dataSource, lifecycle, logger));
  app.get("/metrics", metricsAccess(config.metricsToken), metricsHandler);
  // Before the GraphQL route: a browser's GET /graphql gets the playground page.
  servePlayground(app, config.playgroundDist);
  app.use(
    "/graphql",
    corsPolicy,
    signIn,
    limiter,
    express.json({ limit: BODY_LIMIT }),
    ...(readRouting ? [readRouting] : []),
    direct,
    expressMiddleware(apollo, {
      context: async ({ req, res }) =>
        createContext(dataSource, services, req.viewer ?? null, {
          res,
          address: req.ip ?? "unknown",
          compiledReads,
        }),
    }),
  );
  // Receipts and statements as PDF, before the admin app's fallback page.
  app.use(
    "/documents",
    corsPolicy,
    signIn,
    limiter,
    documentRoutes(services, { apiKeys: !safelist.enabled }),
  );
  serveAdmin(app, config.adminDist);
  app.use(httpErrorHandler(production, log));
  // Signed-in JSON POSTs to /graphql pass the same gates without Express's router.
  httpServer.on(
    "request",
    graphqlEdge(app, {
      gates: [logRequest, securityHeaders, corsPolicy, signIn, limiter],
      answer: direct,
    }),
  );

  // The donor reminder job (REMINDERS_SCHEDULE): pg-boss in the same database.
  const reminders = config.remindersSchedule
    ? await startReminderScheduler(databaseUrl, services.reminder, log)
    : null;

  return {
    app,
    httpServer,
    lifecycle,
    apollo,
    dataSource,
    services,
    safelist,
    notices,
    close: async () => {
      lifecycle.draining = true;
      await apollo.stop();
      await reminders?.stop();
      services.reminder.close();
      stopReplicaProbes();
      await dataSource.destroy();
      await closeStatementPools(dataSource);
    },
  };
}

/** The first administrator and, with the made-up demo admin, an officer and a viewer to try roles with. */
async function ensureUsers(services: Services, config: Config): Promise<string[]> {
  if (!config.admin) return [];
  const admin = await services.auth.ensureFirstAdmin(config.admin.email, config.admin.password);
  if (!admin) return [];
  if (!config.admin.isDemoDefault) return [`first administrator created: ${admin.email}`];
  const { SYSTEM } = await import("./modules/auth/viewer");
  const password = config.admin.password;
  const demo = [
    {
      email: "officer.klaten@sertakan.local",
      name: "Petugas Kantor Cabang Klaten",
      role: Role.OFFICER,
      regionScope: "33.10",
    },
    {
      email: "viewer.prambanan@sertakan.local",
      name: "Pemantau Kecamatan Prambanan",
      role: Role.VIEWER,
      regionScope: "33.10.01",
    },
  ];
  for (const user of demo) await services.auth.createUser(SYSTEM, { ...user, password });
  return [
    `demo sign-in (not for production): ${admin.email} / ${password} (ADMIN, national)`,
    `                                   ${demo[0].email} / ${password} (OFFICER, Klaten)`,
    `                                   ${demo[1].email} / ${password} (VIEWER, Prambanan)`,
  ];
}
