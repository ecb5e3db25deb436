// A cluster of Openhouse on one machine, for the tests (tests/cluster) and `npm run cluster`: one PostgreSQL,
// N app nodes serving the production build, and HAProxy in front, configured by deploy/haproxy.cfg.
//
//   const cluster = await startCluster({ nodes: 2, port: 3650, log: console.log });
//   cluster.url                      // http://127.0.0.1:3650 — HAProxy
//   cluster.nodes[0]                 // { name: "node-a", url, port, dataDir, pid, kill(signal), restart() }
//   cluster.postgresUrl              // the control plane's database, shared by every node
//   cluster.env                      // what points a CLI (npm run team) at the cluster's data
//   await cluster.stop();            // HAProxy, nodes, and whatever PostgreSQL or database we made; temp dirs removed
//
// PostgreSQL: `databaseUrl` is used as is (your database); else `postgresServerUrl` (a server we may create
// databases on, e.g. the tests' TEST_POSTGRES_URL) gets a fresh database, dropped by stop(); else a throwaway
// server is started and removed. Nodes listen on `nodePort`, `nodePort + 1`, … (default: `port + 10`), each with
// its own DATA_DIR, the same OPENHOUSE_SECRET, NODE_NAME node-a, node-b, … and CLIENT_IP_HEADER=x-forwarded-for
// (HAProxy's forwardfor). The production build must exist (scripts/production-build.ts); nodes do not build.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type PostgresServer, startPostgres } from "../postgres/postgres";
import { root } from "../serve";
import { type RunningHaproxy, startHaproxy, stopProcess } from "./haproxy";
import { type NodeProcess, spawnNode } from "./node-process";

export type ClusterOptions = {
  nodes: number;
  /** HAProxy's port, on 127.0.0.1. */
  port: number;
  /** The first node's port; the others follow. Default `port + 10`. */
  nodePort?: number;
  databaseUrl?: string;
  postgresServerUrl?: string;
  /** Extra environment for every node (tests: shorter limits). */
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
};

export type ClusterNode = {
  readonly name: string;
  /** The node itself, bypassing HAProxy. */
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  /** The running process's id (changes on restart); undefined while stopped. */
  readonly pid: number | undefined;
  /** Sends `signal` (SIGKILL: a crash) and waits for the process to end. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Starts it again, same name, port and data directory; resolves when it listens. */
  restart(): Promise<void>;
};

export type Cluster = {
  /** HAProxy: where visitors go. */
  readonly url: string;
  readonly nodes: ClusterNode[];
  readonly postgresUrl: string;
  /** DATABASE_URL, DATA_DIR (the first node's), OPENHOUSE_SECRET: for a CLI such as `npm run team`. */
  readonly env: NodeJS.ProcessEnv;
  stop(): Promise<void>;
};

const nodeNames = "abcdefghijklmnopqrstuvwxyz";

// Children still running when this process ends any other way than stop() (a test runner killed, an uncaught
// error) are killed with it, so no node or HAProxy outlives its owner and keeps a port.
const running = new Set<import("node:child_process").ChildProcess>();
process.on("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const log = options.log ?? (() => {});
  if (options.nodes < 1 || options.nodes > nodeNames.length) throw new Error(`a cluster has 1 to ${nodeNames.length} nodes`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "openhouse-cluster-"));
  const cleanups: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const cleanup of cleanups.splice(0).reverse())
      await cleanup().catch((error: unknown) => log(`cluster: clean-up failed: ${error}`));
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    const postgresUrl = await controlDatabase(options, log, cleanups);
    const secret = crypto.randomBytes(32).toString("hex");
    const firstNodePort = options.nodePort ?? options.port + 10;
    const shared: NodeJS.ProcessEnv = {
      ...withoutDatabase(process.env),
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: postgresUrl,
      OPENHOUSE_SECRET: secret,
      CLIENT_IP_HEADER: "x-forwarded-for",
      ...options.env,
    };
    const nodes = Array.from({ length: options.nodes }, (_unused, index) =>
      clusterNode(`node-${nodeNames[index]}`, firstNodePort + index, path.join(dir, `node-${nodeNames[index]}`), shared, log),
    );
    cleanups.push(async () => {
      await Promise.all(nodes.map((node) => node.kill("SIGTERM")));
    });
    // One after the other: the first migrates the control plane, the others find it migrated.
    for (const node of nodes) await node.restart();
    const haproxy: RunningHaproxy = startHaproxy(
      root,
      dir,
      options.port,
      nodes.map(({ name, port }) => ({ name, port })),
      log,
    );
    running.add(haproxy.process);
    haproxy.process.once("exit", () => running.delete(haproxy.process));
    cleanups.push(() => haproxy.stop());
    const url = `http://127.0.0.1:${options.port}`;
    await untilBalanced(
      url,
      nodes.map((node) => node.name),
    );
    log(`cluster: HAProxy on ${url} in front of ${nodes.map((node) => `${node.name} (${node.url})`).join(", ")}`);
    return { url, nodes, postgresUrl, env: { ...shared, DATA_DIR: nodes[0]?.dataDir }, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function controlDatabase(options: ClusterOptions, log: (line: string) => void, cleanups: (() => Promise<void>)[]): Promise<string> {
  if (options.databaseUrl) return options.databaseUrl;
  const server: PostgresServer = await startPostgres({ existingUrl: options.postgresServerUrl, log });
  cleanups.push(() => server.stop());
  log(`cluster: PostgreSQL is ${server.describe()}`);
  return server.createDatabase("cluster");
}

function withoutDatabase(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { DATABASE_URL: _database, TEST_POSTGRES_URL: _server, PORT: _port, DATA_DIR: _data, NODE_NAME: _name, ...rest } = env;
  return rest;
}

function clusterNode(name: string, port: number, dataDir: string, shared: NodeJS.ProcessEnv, log: (line: string) => void): ClusterNode {
  const env = { ...shared, NODE_NAME: name, NODE_URL: `http://127.0.0.1:${port}`, PORT: String(port), DATA_DIR: dataDir };
  let current: NodeProcess | undefined;
  return {
    name,
    url: `http://127.0.0.1:${port}`,
    port,
    dataDir,
    get pid() {
      return current?.process.exitCode === null && current.process.signalCode === null ? current.process.pid : undefined;
    },
    async kill(signal: NodeJS.Signals = "SIGTERM") {
      const child = current?.process;
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      if (signal === "SIGTERM") return stopProcess(child);
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill(signal);
      await exited;
    },
    async restart() {
      await this.kill("SIGTERM");
      current = spawnNode(root, name, port, env, log);
      const child = current.process;
      running.add(child);
      child.once("exit", () => running.delete(child));
      await current.ready;
    },
  };
}

/** Until HAProxy has answered from every node (its health checks have them up), at most 20 s. */
async function untilBalanced(url: string, names: string[]): Promise<void> {
  const seen = new Set<string>();
  const deadline = Date.now() + 20_000;
  while (seen.size < names.length) {
    if (Date.now() > deadline)
      throw new Error(`HAProxy at ${url} did not reach every node in 20 s (reached: ${[...seen].join(", ") || "none"})`);
    const answer = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) }).catch(() => undefined);
    const node = answer?.headers.get("x-openhouse-node");
    if (answer?.ok && node) seen.add(node);
    else await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
