// One Openhouse server per Playwright worker: `npm start` itself (the production build global-setup made) on
// the worker's own port, with its own data directory, its own copy of demos/ and — on PostgreSQL — its own
// database, with the test team added through the real CLI. Workers share nothing, so spec files run in parallel.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { onOutputLines } from "../../lib/output-lines";
import { createDatabase, dropDatabase, randomId, testDatabaseName } from "../../scripts/postgres/databases";
import { admin, marketer, rep } from "./team";

const execFileAsync = promisify(execFile);

export type WorkerServer = {
  /** http://localhost:<port> */
  url: string;
  port: number;
  /** A port no other worker uses, for a second server a spec starts itself (the dev server). */
  sparePort: number;
  dataDir: string;
  /** This server's copy of demos/ (a spec may add a broken demo to it without touching the checkout). */
  demosDir: string;
  /** postgres://… of this server's control database; undefined on SQLite. */
  databaseUrl: string | undefined;
  /** What points a CLI (npm run team, sandbox:gc) at this server's data: DATA_DIR, DEMOS_DIR, DATABASE_URL. */
  env: NodeJS.ProcessEnv;
  stop(): Promise<void>;
};

/** The suite's settings for every worker server (and for servers a spec starts beside it). */
export const serverSettings = {
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  // The webhook specs' receivers listen on loopback, which production refuses.
  WEBHOOKS_ALLOW_PRIVATE: "1",
  // A worker provisions and talks from one address; the per-client limits themselves are unit-tested.
  PROVISION_RATE_PER_MINUTE: "300",
  CONVERSATIONS_PER_HOUR: "100",
  // Sign-in keeps its real limit of 3 attempts, over a 1 s window instead of 10 s: the bad-input sweep still
  // meets a 429, and nothing waits long for the window to pass.
  SIGN_IN_ATTEMPTS: "3",
  SIGN_IN_WINDOW_SECONDS: "1",
} as const;
export const signInWindowMs = Number(serverSettings.SIGN_IN_WINDOW_SECONDS) * 1000;

/** The first port of this run's block (E2E_PORT, default 3111): worker n serves on base + 2n, and uses base + 2n + 1. */
export const basePort = Number(process.env.E2E_PORT || 3111);

const readyMs = 4 * 60_000;

/** The one site a worker's server lets embed its demos: http://localhost on the worker's spare port. */
export function embedHostOrigin(sparePort: number): string {
  return `http://localhost:${sparePort}`;
}

/** The process environment without anything that would point a child at another database. */
export function cleanEnvironment(): NodeJS.ProcessEnv {
  const { DATABASE_URL: _database, TEST_POSTGRES_URL: _server, ...rest } = process.env;
  return rest;
}

/** A fresh database for a server on this run's PostgreSQL, or undefined on SQLite. Dropped by the returned function. */
export async function scratchDatabase(label: string): Promise<{ url: string; drop: () => Promise<void> } | undefined> {
  const server = process.env.TEST_POSTGRES_URL;
  if (!server) return undefined;
  const name = testDatabaseName(process.env.OPENHOUSE_TEST_RUN ?? randomId(), `${label}_${randomId(4)}`);
  const url = await createDatabase(server, name);
  return { url, drop: () => dropDatabase(server, name) };
}

/** `npm run team -- add` against a data directory (and database), exactly as an admin would. */
export async function addMember(member: { email: string; password: string; name: string }, role: string, env: NodeJS.ProcessEnv) {
  const args = ["scripts/team.ts", "add", "--email", member.email, "--password", member.password, "--name", member.name, "--role", role];
  await execFileAsync(process.execPath, ["--import", "tsx", "--import", "./scripts/server-only.mjs", ...args], { env });
}

export async function startWorkerServer(worker: number, log: (line: string) => void): Promise<WorkerServer> {
  const port = basePort + 2 * worker;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `openhouse-e2e-w${worker}-`));
  const dataDir = path.join(dir, "data");
  const demosDir = path.join(dir, "demos");
  fs.cpSync("demos", demosDir, { recursive: true });
  const database = await scratchDatabase(`w${worker}`);
  const env: NodeJS.ProcessEnv = {
    ...cleanEnvironment(),
    ...serverSettings,
    DATA_DIR: dataDir,
    DEMOS_DIR: demosDir,
    // The embed spec's host page serves from the worker's spare port on localhost: a site other than the
    // server's 127.0.0.1 to the browser, and the one site allowed to embed demos (embed.spec.ts).
    EMBED_ORIGINS: embedHostOrigin(port + 1),
    ...(database ? { DATABASE_URL: database.url } : {}),
  };

  const child = startServerProcess("scripts/start.ts", { ...env, PORT: String(port) }, port, log);
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await stopChild(child.process);
    await database?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    const started = Date.now();
    await child.ready;
    const ready = Date.now();
    // The first member of an empty team becomes its admin, so the admin goes first.
    await addMember(admin, "admin", env);
    await Promise.all([addMember(rep, "rep", env), addMember(marketer, "marketer", env)]);
    const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    log(
      `listening on ${port} after ${seconds(ready - started)}, team added in ${seconds(Date.now() - ready)}${database ? ", on PostgreSQL" : ""}`,
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `http://localhost:${port}`, port, sparePort: port + 1, dataDir, demosDir, databaseUrl: database?.url, env, stop };
}

/** SIGTERM, then the exit it leads to; SIGKILL if the server has not exited 15 s later. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const killer = setTimeout(() => child.kill("SIGKILL"), 15_000);
  await exited;
  clearTimeout(killer);
}

export type ServerProcess = { process: ChildProcess; ready: Promise<void>; output: () => string };

/**
 * `npm start` (scripts/start.ts) or `npm run dev` (scripts/dev.ts) as a child; `ready` resolves when it says it
 * listens on `port`, and rejects with what it printed if it exits first. Its stderr goes to `log`.
 */
export function startServerProcess(
  script: "scripts/start.ts" | "scripts/dev.ts",
  env: NodeJS.ProcessEnv,
  port: number,
  log: (line: string) => void,
): ServerProcess {
  const lines: string[] = [];
  const child = spawn(process.execPath, ["--import", "tsx", "--import", "./scripts/server-only.mjs", script], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output = () => lines.join("\n");
  const ready = new Promise<void>((resolve, reject) => {
    const listening = new RegExp(`openhouse: (ready|development server) on http://localhost:${port}\\b`);
    for (const [stream, isError] of [
      [child.stdout, false],
      [child.stderr, true],
    ] as const) {
      onOutputLines(stream, (line) => {
        lines.push(line);
        if (lines.length > 400) lines.shift();
        if (isError) log(line);
        if (listening.test(line)) resolve();
      });
    }
    child.once("exit", (code) => reject(new Error(`${script} (port ${port}) stopped with exit ${code} before it was ready:\n${output()}`)));
    setTimeout(() => reject(new Error(`${script} (port ${port}) was not ready after ${readyMs / 1000} s:\n${output()}`)), readyMs).unref();
  });
  // A rejection nobody awaits yet (the server died while the caller was busy) must not crash the worker.
  ready.catch(() => {});
  return { process: child, ready, output };
}
