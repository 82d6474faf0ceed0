import "reflect-metadata";
import { ConfigError, loadConfig } from "./config";
import { EmbeddedDatabase, startEmbeddedPostgres } from "./database/embedded";
import { createServer } from "./server";

const log = (message: string) => console.log(`[sertakan] ${message}`);

async function main() {
  const started = Date.now();
  const config = loadConfig();
  let embedded: EmbeddedDatabase | null = null;
  if (!config.databaseUrl) {
    log(`no DATABASE_URL: starting the embedded PostgreSQL (data in ${config.dataDir})`);
    embedded = await startEmbeddedPostgres(config.dataDir, log);
  }
  const server = await createServer(config, {
    databaseUrl: config.databaseUrl ?? embedded!.url,
    log,
  });
  const http = server.app.listen(config.port, config.host, () => {
    const address = http.address();
    const port = typeof address === "object" && address ? address.port : config.port;
    const base = `http://localhost:${port}`;
    log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    log(`admin app:  ${base}/`);
    log(`GraphQL:    ${base}/graphql`);
    log(`health:     ${base}/healthz`);
    for (const notice of server.notices) log(notice);
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: shutting down`);
    http.close();
    await server.close().catch((e) => log(`closing the server: ${String(e)}`));
    if (embedded) await embedded.stop().catch((e) => log(`stopping PostgreSQL: ${String(e)}`));
    process.exit(0);
  };
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
