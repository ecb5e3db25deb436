// Warm spares: a few complete copies of today's template made ahead of demand, so giving a visitor a
// sandbox is one atomic rename (tens of microseconds) instead of creating a file (~1 ms or more on these
// disks). Refilled between requests; when the pool is empty, provisioning simply copies as before.
import "server-only";
import fs from "node:fs";
import path from "node:path";
import { runtime } from "@/lib/runtime/runtime";
import { temporaryFileFor } from "./files";
import { newId } from "./ids";

const staleTmpMs = 60_000;

function sparesDir(): string {
  return runtime().paths.spares;
}

/** Spares are named after their template, so a new day's template never hands out yesterday's data. */
function prefixOf(template: string): string {
  return `${path.basename(template, ".sqlite")}--`;
}

/** The pool for a template; on first use adopts spares a previous run left and removes stale ones. */
function poolFor(template: string): string[] {
  const { pools } = runtime().spares;
  let pool = pools.get(template);
  if (pool) return pool;
  const dir = sparesDir();
  fs.mkdirSync(dir, { recursive: true });
  const prefix = prefixOf(template);
  const slug = path.basename(template).replace(/-[0-9a-f]{12}-\d{8}\.sqlite$/, "");
  // Exactly this demo's spares (a demo "pipeline" must not touch "pipeline-basics"'s).
  const sameDemo = new RegExp(`^${slug}-[0-9a-f]{12}-\\d{8}--[A-Za-z0-9_-]{22}\\.sqlite$`);
  pool = [];
  for (const name of fs.readdirSync(dir)) {
    const file = path.join(dir, name);
    if (name.startsWith(prefix) && name.endsWith(".sqlite")) pool.push(file);
    else if (sameDemo.test(name))
      fs.rmSync(file, { force: true }); // an older template's
    else if (name.endsWith(".tmp") && Date.now() - (fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0) > staleTmpMs)
      fs.rmSync(file, { force: true });
  }
  pools.set(template, pool);
  return pool;
}

function makeSpare(template: string): void {
  const spare = path.join(sparesDir(), `${prefixOf(template)}${newId()}.sqlite`);
  const temporary = temporaryFileFor(spare);
  // Written under a temporary name and renamed: a spare in the pool is always a whole file.
  fs.copyFileSync(template, temporary);
  fs.renameSync(temporary, spare);
  poolFor(template).push(spare);
}

/** Fills the pool now (start-up), so the first visitors already get a spare. */
export function fillSpares(template: string, target = runtime().config.sandboxSpares): void {
  while (poolFor(template).length < target) makeSpare(template);
}

/** Tops the pool up one copy per turn of the event loop, so requests keep being served in between. */
export function refillSpares(template: string, target = runtime().config.sandboxSpares): void {
  const { refilling } = runtime().spares;
  if (refilling.has(template) || target === 0) return;
  refilling.add(template);
  const step = () => {
    try {
      if (poolFor(template).length >= target || !fs.existsSync(template)) return refilling.delete(template);
      makeSpare(template);
      setImmediate(step);
    } catch (error) {
      refilling.delete(template);
      console.error("openhouse: could not make a spare sandbox", error);
    }
  };
  setImmediate(step);
}

/** Moves a whole spare copy of the template to `destination`; false when the pool is empty. */
export function claimSpare(template: string, destination: string): boolean {
  const pool = poolFor(template);
  for (let spare = pool.pop(); spare; spare = pool.pop()) {
    try {
      fs.renameSync(spare, destination);
      return true;
    } catch {
      // Another process took it first: try the next one.
    }
  }
  return false;
}
