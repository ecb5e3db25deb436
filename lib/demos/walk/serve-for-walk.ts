// The server a walk runs against when no --base is given: `npm start` itself (so the build stamp reuses a
// current production build, or builds one and shows its progress) on a free port, with a throwaway data
// directory, so nothing a walk does reaches a real workspace. Its setup returns the way to stop it.
import "server-only";
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { onOutputLines } from "@/lib/output-lines";

/** Ports kept for the checker's own server, clear of the app's 3000 and the test suite's. */
const ports = [3331, 3332, 3333, 3334, 3335, 3336, 3337, 3338, 3339];
const readyMs = 15 * 60_000;

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

async function freePort(): Promise<number> {
  for (const port of ports) if (await isFree(port)) return port;
  throw new Error(`ports ${ports[0]}–${ports.at(-1)} are all taken; stop another demos:check or pass --base`);
}

export type WalkServer = { baseUrl: string; stop: () => Promise<void> };

export async function serveForWalk(root: string, log: (line: string) => void): Promise<WalkServer> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "openhouse-walk-"));
  const child = spawn(process.execPath, ["--import", "tsx", "--import", "./scripts/server-only.mjs", "scripts/start.ts"], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      // Every path is a new sandbox from one address, a few seconds apart.
      PROVISION_RATE_PER_MINUTE: "600",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  const ready = new Promise<void>((resolve, reject) => {
    let building = false;
    const onLine = (line: string) => {
      if (/building the app/.test(line)) building = true;
      // While a build runs, its progress is worth seeing; a ready server's chatter is not.
      if (building || /openhouse: (building|build|ready)/.test(line)) log(`  server: ${line}`);
      if (/openhouse: ready on/.test(line)) resolve();
    };
    for (const stream of [child.stdout, child.stderr]) onOutputLines(stream, (line) => onLine(line.trim()));
    child.once("exit", (code) => reject(new Error(`npm start stopped (exit ${code}) before it was ready; run it alone to see why`)));
    setTimeout(() => reject(new Error(`npm start was not ready after ${readyMs / 60_000} minutes`)), readyMs).unref();
  });
  try {
    await ready;
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl: `http://127.0.0.1:${port}`, stop };
}
