// The ceiling: hand-written SQL, PostgreSQL builds the JSON, node:http sends it.
import http from "node:http";
import pg from "pg";
import { DISTRICT } from "./queries.mjs";
import { COUNTER, Q1, Q2, Q3, Q4 } from "./hand-written.sql.mjs";

const [, , databaseUrl, nik, counterNik, counterDate] = process.argv;
const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });

const routes = {
  "/q1": [Q1, [DISTRICT]],
  "/q2": [Q2, []],
  "/q3": [Q3, [nik]],
  "/q4": [Q4, [DISTRICT]],
  "/counter": [COUNTER, [counterNik, counterDate]],
};

http
  .createServer(async (req, res) => {
    req.resume();
    const route = routes[req.url];
    if (!route) return res.writeHead(404).end();
    const { rows } = await pool.query({ name: req.url, text: route[0], values: route[1] });
    res
      .writeHead(200, { "content-type": "application/json" })
      .end(JSON.stringify(rows[0]?.body ?? null));
  })
  .listen(0, "127.0.0.1", function () {
    console.log(`listening on ${this.address().port}`);
  });
