// Small measuring tools shared by the benchmarks: percentiles and a server started the way users start it.
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

export const ms = (value: number) => `${value.toFixed(1)} ms`;

/** Starts `scripts/start.ts` (build if stale, migrate, seed, serve) and resolves once it is ready. */
export async function startServer(
  env: Record<string, string>,
): Promise<{ child: ChildProcess; readyMs: number; built: boolean; stop: () => Promise<void> }> {
  const started = performance.now();
  let built = false;
  // BENCH_CPU_PROF=<dir>: the server writes a V8 CPU profile there when it stops (open it in Chrome's DevTools).
  const profile = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const child = spawn(
    process.execPath,
    [...profile, "--import", "tsx", "--import", "./scripts/server-only.mjs", path.join("scripts", "start.ts")],
    {
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", ...env },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  await new Promise<void>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`server exited with ${code}`)));
    child.stdout?.on("data", (chunk: Buffer) => {
      const text = chunk.toString();
      if (text.includes("building the app")) built = true;
      for (const line of text.split("\n")) if (line.startsWith("openhouse:")) console.log(`  ${line}`);
      if (text.includes("ready on")) resolve();
    });
  });
  const readyMs = performance.now() - started;
  const stop = () =>
    new Promise<void>((resolve) => {
      child.removeAllListeners("exit");
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  return { child, readyMs, built, stop };
}
