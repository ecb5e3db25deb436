// A process that starts a throwaway PostgreSQL, prints where, then waits to be ended (or throws at once with
// `throw`): throwaway-cluster.test.ts ends it in the ways a test run ends.
import { startPostgres } from "../../../scripts/postgres/postgres";
import { firstPort } from "../../../scripts/postgres/test-server";

const server = await startPostgres({ port: firstPort(process.env.TEST_POSTGRES_PORT) });
console.log(JSON.stringify({ url: server.url, dir: server.dir }));
if (process.argv[2] === "throw") throw new Error("a test run failing with an exception");
setInterval(() => {}, 60_000);
