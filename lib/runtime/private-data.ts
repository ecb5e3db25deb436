// DATA_DIR holds secrets (secret.key, the webhooks' signing secrets in control.sqlite) and personal data
// (events, conversations, every visitor's sandbox), so none of it is for the machine's other users: the
// directory is its owner's alone (0700), and so is every file Openhouse makes in it (0600).
import "server-only";
import fs from "node:fs";
import path from "node:path";
import { isMainThread } from "node:worker_threads";
import type { DataPaths } from "@/lib/config";

/**
 * From now on this process makes files and directories only its own user may read (umask 077): control.sqlite
 * and the -wal and -shm files SQLite creates beside it with the database's mode, compiled templates, and the
 * spares and sandboxes copied from them (a copy keeps its template's mode), and secret.key.
 */
export function createFilesPrivately(): void {
  // A worker thread may not set the umask; it shares its process's.
  if (isMainThread) process.umask(0o077);
}

function tighten(target: string, mode: number): void {
  try {
    fs.chmodSync(target, mode);
  } catch (error) {
    // Gone meanwhile, or not ours to change (a directory someone else owns): what we make is private anyway.
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "ENOENT" && code !== "EPERM") throw error;
  }
}

function filesIn(directory: string): string[] {
  if (!fs.existsSync(directory)) return [];
  return fs
    .readdirSync(directory, { withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(directory, entry.name));
}

/**
 * Makes the data directory private, creating it if needed, and tightens what an older version (or a looser
 * umask) left readable. A shared directory (sticky bit, like /tmp) is never changed: only its own files are.
 */
export function keepDataPrivate(dataDir: string, paths: DataPaths): void {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if ((fs.statSync(dataDir).mode & 0o1000) === 0) tighten(dataDir, 0o700);
  const folders = [paths.templates, paths.spares, paths.sandboxes];
  for (const folder of folders) tighten(folder, 0o700);
  const control = [paths.control, `${paths.control}-wal`, `${paths.control}-shm`, paths.secretFile];
  for (const file of [...control, ...folders.flatMap(filesIn)]) tighten(file, 0o600);
}
