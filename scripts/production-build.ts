// Builds the app for production when its sources changed since the last build (scripts/build-stamp.ts), one
// process at a time: `npm start`, the Playwright suite's worker servers and demos:check may all start at once,
// and two `next build`s in one .next would ruin each other. A process that finds a build under way waits for
// it, then finds the build current.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { buildIsCurrent, recordBuild, sourceHash } from "./build-stamp";
import { processIsAlive } from "./run-child";

// Inside .next/cache, which `next build` keeps while it empties the rest of .next.
const lockDir = (root: string) => path.join(root, ".next", "cache", "openhouse-build-lock");

/** Takes the build lock, or answers the pid of the live process holding it. A dead holder's lock is taken over. */
function tryLock(root: string): number | undefined {
  const dir = lockDir(root);
  // Made beside the lock with our pid inside, then renamed onto it: whoever holds the lock has written its pid.
  const mine = `${dir}.${process.pid}`;
  fs.mkdirSync(mine, { recursive: true });
  fs.writeFileSync(path.join(mine, "pid"), String(process.pid));
  try {
    fs.renameSync(mine, dir);
    return undefined;
  } catch (error) {
    fs.rmSync(mine, { recursive: true, force: true });
    if (!["EEXIST", "ENOTEMPTY"].includes((error as NodeJS.ErrnoException).code ?? "")) throw error;
  }
  let holder: number;
  try {
    holder = Number(fs.readFileSync(path.join(dir, "pid"), "utf8"));
  } catch {
    return tryLock(root); // released just now
  }
  if (processIsAlive(holder)) return holder;
  fs.rmSync(dir, { recursive: true, force: true });
  return tryLock(root);
}

export type BuildOutcome = "current" | "built" | "failed";

/** Builds unless the build is current; prints its progress through `step`. */
export async function ensureProductionBuild(root: string, step: (message: string) => void): Promise<BuildOutcome> {
  let waitingFor: number | undefined;
  for (;;) {
    if (buildIsCurrent(root)) {
      step(waitingFor === undefined ? "production build is current" : "the other build finished; it is current");
      return "current";
    }
    const holder = tryLock(root);
    if (holder === undefined) break;
    if (waitingFor !== holder) step(`another process (pid ${holder}) is building the app; waiting for it…`);
    waitingFor = holder;
    // A lock held by another process can only be watched: poll it.
    await delay(1000);
  }
  try {
    // Another process may have finished a build between our check and our lock.
    if (buildIsCurrent(root)) return "current";
    const started = Date.now();
    step("building the app for production (first run takes 1–3 minutes; Next prints its progress below)…");
    const hash = sourceHash(root);
    const build = spawnSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    });
    if (build.status !== 0) return "failed";
    recordBuild(root, hash);
    step(`build finished in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    return "built";
  } finally {
    fs.rmSync(lockDir(root), { recursive: true, force: true });
  }
}
