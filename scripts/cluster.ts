// `npm run cluster [-- --nodes N]`: Openhouse as N nodes behind HAProxy on one PostgreSQL, on this machine
// (scripts/cluster/start-cluster.ts). HAProxy listens on PORT (3000); the nodes on the ports after PORT + 10.
// DATABASE_URL names the database to use; without it a throwaway PostgreSQL lives in a temporary directory.
// Ctrl-C or SIGTERM stops everything and removes the temporary directories.
import { spawnSync } from "node:child_process";
import { parseArgs } from "node:util";
import { startCluster } from "./cluster/start-cluster";
import { isPostgresUrl } from "./postgres/postgres";
import { ensureProductionBuild } from "./production-build";
import { root } from "./serve";

const say = (line: string) => console.log(`openhouse cluster: ${line}`);
const { values } = parseArgs({ options: { nodes: { type: "string", default: "2" } } });
const nodes = Number(values.nodes);
const port = Number(process.env.PORT || 3000);
if (!Number.isInteger(nodes) || nodes < 1 || nodes > 26 || !Number.isInteger(port) || port < 1 || port > 65_000) {
  console.error("usage: [PORT=3000] [DATABASE_URL=postgres://…] npm run cluster [-- --nodes 2]   (1 to 26 nodes)");
  process.exit(2);
}
const databaseUrl = process.env.DATABASE_URL;
if (databaseUrl !== undefined && databaseUrl !== "" && !isPostgresUrl(databaseUrl)) {
  console.error("openhouse cluster: DATABASE_URL must be a postgres:// URL: a cluster's nodes share one PostgreSQL");
  process.exit(2);
}

process.chdir(root);
if (spawnSync("bash", ["scripts/cluster/ensure-haproxy.sh"], { stdio: "inherit" }).status !== 0) process.exit(1);
if ((await ensureProductionBuild(root, say)) === "failed") {
  console.error("openhouse cluster: the build failed (see above). Nothing was started.");
  process.exit(1);
}

const cluster = await startCluster({ nodes, port, databaseUrl: databaseUrl || undefined, log: (line) => console.log(line) });
say(`PostgreSQL: ${cluster.postgresUrl.replace(/\/\/[^@]*@/, "//")}`);
for (const node of cluster.nodes) say(`${node.name}: ${node.url} (pid ${node.pid}, data ${node.dataDir})`);
say(`ready: open ${cluster.url.replace("127.0.0.1", "localhost")} (HAProxy). Ctrl-C stops everything.`);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: stopping HAProxy, the nodes and PostgreSQL…`);
    void cluster
      .stop()
      .catch((error: unknown) => console.error("openhouse cluster: stopping failed", error))
      .finally(() => {
        say("stopped");
        process.exit(0);
      });
  });
}
