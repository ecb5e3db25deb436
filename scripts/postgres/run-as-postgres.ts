// PostgreSQL refuses to run as root. When we are root (CI, these machines) its commands run as the `postgres`
// user through runuser, and what they write must belong to that user.
import { execFile, spawnSync } from "node:child_process";
import fs from "node:fs";
import { promisify } from "node:util";

const execFileAsync = promisify(execFile);

export const runningAsRoot = () => process.getuid?.() === 0;

/** The command line that runs `file args` as the postgres user when we are root, else as ourselves. */
export function asServerUser(file: string, args: string[]): [string, string[]] {
  return runningAsRoot() ? ["runuser", ["-u", "postgres", "--", file, ...args]] : [file, args];
}

/** Runs a PostgreSQL command; rejects with its output when it fails. */
export async function runServerCommand(file: string, args: string[]): Promise<string> {
  const [command, commandArgs] = asServerUser(file, args);
  try {
    const { stdout, stderr } = await execFileAsync(command, commandArgs, { encoding: "utf8" });
    return `${stdout}${stderr}`;
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${file.split("/").pop()} failed: ${`${failed.stdout ?? ""}${failed.stderr ?? ""}`.trim() || failed.message}`);
  }
}

/** The same, synchronously: for clean-up on the way out of a process, where nothing async runs any more. */
export function runServerCommandNow(file: string, args: string[]): boolean {
  const [command, commandArgs] = asServerUser(file, args);
  return spawnSync(command, commandArgs, { stdio: "ignore", timeout: 30_000 }).status === 0;
}

/** Gives a directory we made to the postgres user (when we are root), so the server can write in it. */
export function handToServerUser(dir: string): void {
  if (!runningAsRoot()) return;
  const id = (flag: string) => Number(spawnSync("id", [flag, "postgres"], { encoding: "utf8" }).stdout.trim());
  const uid = id("-u");
  const gid = id("-g");
  if (!Number.isInteger(uid) || uid <= 0) {
    throw new Error("running as root, but there is no `postgres` user to run PostgreSQL as (Debian's postgresql package makes one)");
  }
  fs.chownSync(dir, uid, gid);
  if (spawnSync("runuser", ["-u", "postgres", "--", "test", "-w", dir]).status !== 0) {
    throw new Error(`the postgres user cannot write in ${dir}: set TMPDIR to a directory every user can reach (e.g. /tmp)`);
  }
}
