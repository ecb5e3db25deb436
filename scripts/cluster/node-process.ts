// One app node of a cluster: `npm start`'s server (scripts/start.ts, the production build) as a child process,
// ready when it says it listens. Restartable with the same name, port and data directory.
import { type ChildProcess, spawn } from "node:child_process";
import { onOutputLines } from "../../lib/output-lines";

const readyMs = 3 * 60_000;

export type NodeProcess = { process: ChildProcess; ready: Promise<void> };

export function spawnNode(root: string, name: string, port: number, env: NodeJS.ProcessEnv, log: (line: string) => void): NodeProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "--import", "./scripts/server-only.mjs", "scripts/start.ts"], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const recent: string[] = [];
  const ready = new Promise<void>((resolve, reject) => {
    const listening = new RegExp(`openhouse: ready on http://localhost:${port}\\b`);
    for (const stream of [child.stdout, child.stderr]) {
      onOutputLines(stream, (line) => {
        recent.push(line);
        if (recent.length > 200) recent.shift();
        log(`${name}: ${line}`);
        if (listening.test(line)) resolve();
      });
    }
    child.once("exit", (code, signal) =>
      reject(new Error(`node ${name} (port ${port}) stopped (${signal ?? `exit ${code}`}) before it was ready:\n${recent.join("\n")}`)),
    );
    setTimeout(
      () => reject(new Error(`node ${name} (port ${port}) was not ready after ${readyMs / 1000} s:\n${recent.join("\n")}`)),
      readyMs,
    ).unref();
  });
  ready.catch(() => {});
  return { process: child, ready };
}
