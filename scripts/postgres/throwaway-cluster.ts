// A throwaway PostgreSQL server: initdb into a fresh temporary directory, started on a free loopback port, and
// stopped with its directory removed — by stop(), and also when the process exits any other way (an exception,
// process.exit, SIGINT/SIGTERM/SIGHUP), so no server and no port outlive the run. A directory left by a process
// that was killed outright (SIGKILL) is found and cleaned by the next start.
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { processIsAlive } from "../run-child";
import { ensurePostgresBinaries, type PostgresBinaries } from "./binaries";
import { handToServerUser, runServerCommand, runServerCommandNow } from "./run-as-postgres";

export type ThrowawayCluster = {
  /** postgres://openhouse@127.0.0.1:<port>/postgres — may create and drop databases. */
  readonly url: string;
  readonly port: number;
  /** The temporary directory: data/, the server log and the socket. */
  readonly dir: string;
  /** Stops the server (fast shutdown: sessions are ended) and removes its directory. */
  stop(): Promise<void>;
};

export type ClusterOptions = {
  binaries?: PostgresBinaries;
  /** First port to try (then the next ones, up to 100); without it the system picks a free one. */
  port?: number;
  log?: (line: string) => void;
};

const dirPrefix = "openhouse-pg-";
const user = "openhouse";
const live = new Map<string, () => void>();

export async function startThrowawayCluster(options: ClusterOptions = {}): Promise<ThrowawayCluster> {
  const log = options.log ?? (() => {});
  const { bin } = options.binaries ?? ensurePostgresBinaries(log);
  const tool = (name: string) => path.join(bin, name);
  sweepAbandonedClusters(tool, log);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), dirPrefix));
  const data = path.join(dir, "data");
  const serverLog = path.join(dir, "server.log");
  fs.writeFileSync(path.join(dir, "owner.json"), JSON.stringify({ pid: process.pid }));
  handToServerUser(dir);

  let stopped = false;
  const stopNow = () => {
    if (stopped) return;
    stopped = true;
    live.delete(dir);
    if (fs.existsSync(path.join(data, "postmaster.pid"))) runServerCommandNow(tool("pg_ctl"), ["-D", data, "-m", "fast", "-w", "stop"]);
    fs.rmSync(dir, { recursive: true, force: true });
  };
  live.set(dir, stopNow);
  guardProcessExit();

  try {
    // --no-sync skips only initdb's own fsync of the fresh files; the server keeps fsync and synchronous_commit
    // on, so an acknowledged commit is on disk, as in production. C.UTF-8 sorts text by code point, as SQLite does.
    await runServerCommand(tool("initdb"), ["-D", data, "-A", "trust", "-U", user, "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
    const port = await startOnFreePort(tool("pg_ctl"), data, dir, serverLog, options.port);
    const url = `postgres://${user}@127.0.0.1:${port}/postgres`;
    log(`PostgreSQL started on 127.0.0.1:${port} (${dir})`);
    return {
      url,
      port,
      dir,
      async stop() {
        if (stopped) return;
        stopped = true;
        live.delete(dir);
        try {
          await runServerCommand(tool("pg_ctl"), ["-D", data, "-m", "fast", "-w", "stop"]);
        } finally {
          fs.rmSync(dir, { recursive: true, force: true });
        }
        log(`PostgreSQL on port ${port} stopped`);
      },
    };
  } catch (error) {
    stopNow();
    throw error;
  }
}

async function startOnFreePort(pgCtl: string, data: string, dir: string, serverLog: string, firstPort?: number): Promise<number> {
  const attempts = firstPort === undefined ? 5 : 100;
  for (let attempt = 0; attempt < attempts; attempt++) {
    const port = firstPort === undefined ? await freePort() : firstPort + attempt;
    if (firstPort !== undefined && !(await isFree(port))) continue;
    // More connections than the default 100: every test file and every app server keeps a small pool.
    const settings = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c max_connections=300`;
    try {
      await runServerCommand(pgCtl, ["-D", data, "-l", serverLog, "-w", "-t", "60", "-o", settings, "start"]);
      return port;
    } catch (error) {
      const serverSaid = fs.existsSync(serverLog) ? fs.readFileSync(serverLog, "utf8") : "";
      // Someone took the port between our check and the server's bind: try another.
      if (/could not bind|already in use|could not create any TCP\/IP sockets/i.test(serverSaid)) continue;
      throw new Error(`PostgreSQL did not start: ${(error as Error).message}\n${serverSaid.split("\n").slice(-15).join("\n")}`);
    }
  }
  throw new Error(
    firstPort === undefined ? "no free port for PostgreSQL" : `no free port for PostgreSQL in ${firstPort}–${firstPort + 99}`,
  );
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

let guarded = false;
/** Stops every live cluster when the process ends, however it ends short of SIGKILL. */
function guardProcessExit(): void {
  if (guarded) return;
  guarded = true;
  process.on("exit", () => {
    for (const stopNow of [...live.values()]) stopNow();
  });
  // Node's default for these signals ends the process without 'exit' handlers. When nobody else handles the
  // signal, exit with the usual code (which runs the clean-up above); a process that handles it itself (the test
  // orchestrator forwards it to its child first) exits on its own terms, and the 'exit' handler still runs.
  for (const [signal, number] of [
    ["SIGINT", 2],
    ["SIGTERM", 15],
    ["SIGHUP", 1],
  ] as const) {
    process.on(signal, function defaultExit() {
      if (process.listenerCount(signal) === 1) process.exit(128 + number);
    });
  }
}

/** Stops and removes clusters whose owning process is gone (it was killed before it could clean up). */
function sweepAbandonedClusters(tool: (name: string) => string, log: (line: string) => void): void {
  const tmp = os.tmpdir();
  for (const name of fs.readdirSync(tmp)) {
    if (!name.startsWith(dirPrefix)) continue;
    const dir = path.join(tmp, name);
    let owner: number;
    try {
      owner = (JSON.parse(fs.readFileSync(path.join(dir, "owner.json"), "utf8")) as { pid: number }).pid;
    } catch {
      continue;
    }
    if (processIsAlive(owner)) continue;
    const data = path.join(dir, "data");
    if (fs.existsSync(path.join(data, "postmaster.pid")))
      runServerCommandNow(tool("pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"]);
    fs.rmSync(dir, { recursive: true, force: true });
    log(`removed an abandoned PostgreSQL cluster (${dir}; its process ${owner} is gone)`);
  }
}
