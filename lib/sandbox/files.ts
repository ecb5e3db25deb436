// Where a sandbox lives on disk and how it is removed: the main file plus SQLite's -wal and -shm beside it.
import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { runtime } from "@/lib/runtime/runtime";
import { isWellFormedId } from "./ids";

export function sandboxFile(sandboxId: string): string {
  if (!isWellFormedId(sandboxId)) throw new Error("not a sandbox id");
  return path.join(runtime().paths.sandboxes, `${sandboxId}.sqlite`);
}

/** A unique temporary name beside the target: two concurrent writers never share one, and GC sweeps leftovers. */
export function temporaryFileFor(target: string): string {
  return `${target}.${process.pid}.${crypto.randomBytes(4).toString("hex")}.tmp`;
}

/** Removes a sandbox's files; missing files are fine (a crash may have removed some already). */
export function removeSandboxFiles(sandboxId: string): void {
  const file = sandboxFile(sandboxId);
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${file}${suffix}`, { force: true });
}

/** Bytes a sandbox uses on disk, WAL included. */
export function sandboxDiskBytes(sandboxId: string): number {
  const file = sandboxFile(sandboxId);
  let total = 0;
  for (const suffix of ["", "-wal"]) {
    try {
      total += fs.statSync(`${file}${suffix}`).size;
    } catch {
      // Absent: counts as nothing.
    }
  }
  return total;
}

// A template file never changes under its name (a new fixture or day gets a new name), so its size is
// read once rather than on every provisioning. A handful of names a day; cleared long before it matters.
export function templateBytes(template: string): number {
  const templateSizes = runtime().templates.sizes;
  let size = templateSizes.get(template);
  if (size === undefined) {
    if (templateSizes.size > 256) templateSizes.clear();
    size = fs.statSync(template).size;
    templateSizes.set(template, size);
  }
  return size;
}
