// The baseline: PostGraphile 5 with the amber preset over the same database.
// PostGraphile 5 wants Node 22; on Node 20 it only lacks Promise.withResolvers.
if (!Promise.withResolvers) {
  Promise.withResolvers = function withResolvers() {
    let resolve;
    let reject;
    const promise = new Promise((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  };
}
const { createServer } = await import("node:http");
const { postgraphile } = await import("postgraphile");
const { PostGraphileAmberPreset } = await import("postgraphile/presets/amber");
const { makePgService } = await import("postgraphile/adaptors/pg");
const { grafserv } = await import("postgraphile/grafserv/node");

const [, , databaseUrl] = process.argv;
const pgl = postgraphile({
  extends: [PostGraphileAmberPreset],
  pgServices: [
    makePgService({ connectionString: databaseUrl, schemas: ["public"], poolConfig: { max: 10 } }),
  ],
  grafast: { explain: false },
});
const serv = pgl.createServ(grafserv);
const server = createServer();
serv.addTo(server);
server.listen(0, "127.0.0.1", () => console.log(`listening on ${server.address().port}`));
