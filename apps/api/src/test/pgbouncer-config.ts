import fs from "node:fs";
import path from "node:path";

// The deployment's own PgBouncer file (deploy/ha/pgbouncer.ini), on loopback: HAProxy's
// hosts and ports become the test's, and the trust of a temp-dir cluster replaces SCRAM.
const PGBOUNCER_INI = path.resolve(__dirname, "../../../../deploy/ha/pgbouncer.ini");

export function pgbouncerConfig(o: {
  port: number;
  writePort: number;
  readPort: number;
  dir: string;
}): string {
  const text = fs
    .readFileSync(PGBOUNCER_INI, "utf8")
    .replace("host=haproxy port=5000", `host=127.0.0.1 port=${o.writePort}`)
    .replace("host=haproxy port=5001", `host=127.0.0.1 port=${o.readPort}`)
    .replace(/^listen_addr = .*$/m, "listen_addr = 127.0.0.1")
    .replace(/^listen_port = .*$/m, `listen_port = ${o.port}`)
    .replace(/^auth_type = .*$/m, "auth_type = trust")
    .replace(/^auth_file = .*$/m, `auth_file = ${path.join(o.dir, "userlist.txt")}`);
  if (/haproxy|0\.0\.0\.0|6432/.test(text.replace(/^\s*;.*$/gm, "")))
    throw new Error(`${PGBOUNCER_INI} has an address the test does not map`);
  fs.writeFileSync(path.join(o.dir, "userlist.txt"), '"postgres" ""\n');
  return text;
}
