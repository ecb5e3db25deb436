// Runs a command as a child in its own process group and hands it SIGINT/SIGTERM/SIGHUP once (a terminal's
// Ctrl-C then reaches it only through us, so it is not told twice), then resolves with its exit code. The caller
// cleans up (stops PostgreSQL) after the child is gone, never under its feet.
import { spawn } from "node:child_process";

export type ChildResult = { code: number; signal?: NodeJS.Signals };

const forwarded = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

/**
 * `onLine`: the child's output is passed through as it comes and also handed over line by line (a test run keeps
 * its failures for the summary at the end, the only part of a long log some CI pages show).
 */
export function runChild(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  options: { onLine?: (line: string) => void } = {},
): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const { onLine } = options;
    const child = spawn(command, args, { stdio: onLine ? ["inherit", "pipe", "pipe"] : "inherit", env, detached: true });
    if (onLine) {
      for (const [from, to] of [
        [child.stdout, process.stdout],
        [child.stderr, process.stderr],
      ] as const) {
        let partial = "";
        from?.on("data", (chunk: Buffer) => {
          to.write(chunk);
          const lines = (partial + chunk.toString("utf8")).split("\n");
          partial = lines.pop() ?? "";
          for (const line of lines) onLine(line);
        });
        from?.on("end", () => {
          if (partial) onLine(partial);
        });
      }
    }
    const forward = (signal: NodeJS.Signals) => {
      if (child.pid === undefined || child.exitCode !== null) return;
      try {
        process.kill(-child.pid, signal);
      } catch {
        // The group is already gone.
      }
    };
    for (const signal of forwarded) process.on(signal, forward);
    const done = () => {
      for (const signal of forwarded) process.off(signal, forward);
    };
    child.once("error", (error) => {
      done();
      reject(error);
    });
    child.once("exit", (code, signal) => {
      done();
      resolve({ code: code ?? (signal ? 128 + signalNumber(signal) : 1), signal: signal ?? undefined });
    });
  });
}

/** Whether SIGINT/SIGTERM/SIGHUP reached this process since `watchInterrupts()`; later phases then do not start. */
export function watchInterrupts(): { readonly signal: NodeJS.Signals | undefined } {
  const state: { signal: NodeJS.Signals | undefined } = { signal: undefined };
  for (const signal of forwarded) {
    process.on(signal, () => {
      state.signal ??= signal;
    });
  }
  return state;
}

export function signalNumber(signal: NodeJS.Signals): number {
  return { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 }[signal as string] ?? 1;
}

/** Whether a process with this pid exists (one of another user's counts: signalling it is refused, not absent). */
export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
