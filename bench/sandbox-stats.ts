// Small helpers for the sandbox benchmark: timing, percentiles, sizes.
import fs from "node:fs";
import path from "node:path";

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

export type Timing = { p50: number; p95: number; p99: number; runs: number };

/**
 * Times `run` `count` times (after `warmup` untimed runs); milliseconds. `between` runs untimed after each
 * run, e.g. to let the event loop turn as it does between two visitors' requests.
 */
export async function timeRuns(
  count: number,
  warmup: number,
  run: (index: number) => unknown,
  between?: () => Promise<void>,
): Promise<Timing> {
  for (let index = 0; index < warmup; index++) await run(-1 - index);
  const samples: number[] = [];
  for (let index = 0; index < count; index++) {
    const start = performance.now();
    await run(index);
    samples.push(performance.now() - start);
    await between?.();
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), p99: percentile(samples, 99), runs: count };
}

export function directoryBytes(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  // A running server renames its temporary copies away while we count: a vanished file weighs nothing.
  return fs.readdirSync(dir).reduce((sum, name) => sum + (fs.statSync(path.join(dir, name), { throwIfNoEntry: false })?.size ?? 0), 0);
}

export function rssMbOf(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}

export const ms = (value: number) => `${value.toFixed(2)} ms`;
export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function progress(message: string): void {
  process.stderr.write(`bench:sandbox: ${message}\n`);
}
