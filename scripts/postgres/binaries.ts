// Finds Debian's PostgreSQL server binaries (/usr/lib/postgresql/<version>/bin), and installs them when they are
// missing and we may: as root with apt-get, like scripts/ensure-chromium.sh does for Chromium. Otherwise it says
// exactly what to install and fails: a test run never skips PostgreSQL silently.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export type PostgresBinaries = { version: number; bin: string };

const debianRoot = "/usr/lib/postgresql";
/** The oldest major version whose features the control plane uses (xid8, pg_current_xact_id, DROP … WITH (FORCE)). */
export const minimumVersion = 15;
const needed = ["initdb", "pg_ctl", "postgres"];

/** The newest installed version ≥ 15 with initdb, pg_ctl and postgres; undefined if there is none. */
export function findPostgresBinaries(root = debianRoot): PostgresBinaries | undefined {
  if (!fs.existsSync(root)) return undefined;
  const versions = fs
    .readdirSync(root)
    .map(Number)
    .filter((version) => Number.isInteger(version) && version >= minimumVersion)
    .sort((a, b) => b - a);
  for (const version of versions) {
    const bin = path.join(root, String(version), "bin");
    if (needed.every((name) => isExecutable(path.join(bin, name)))) return { version, bin };
  }
  return undefined;
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export const installCommand = "sudo apt-get update && sudo apt-get install -y postgresql";

export class PostgresMissingError extends Error {}

/** The binaries, installing Debian's `postgresql` first when they are missing and we are root with apt-get. */
export function ensurePostgresBinaries(log: (line: string) => void = console.log): PostgresBinaries {
  const found = findPostgresBinaries();
  if (found) return found;
  const canInstall = process.getuid?.() === 0 && spawnSync("sh", ["-c", "command -v apt-get"]).status === 0;
  if (!canInstall) {
    throw new PostgresMissingError(
      `the tests need PostgreSQL ≥ ${minimumVersion} (initdb, pg_ctl, postgres under ${debianRoot}/<version>/bin) and it is not there.\n` +
        `Install it, then run the tests again:\n  ${installCommand}\n` +
        "or point DATABASE_URL at a PostgreSQL server you may create databases on.",
    );
  }
  log(`PostgreSQL not found under ${debianRoot}; installing Debian's postgresql (about a minute)…`);
  for (const args of [
    ["update", "-qq"],
    ["install", "-y", "-qq", "postgresql"],
  ]) {
    const result = spawnSync("apt-get", args, {
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
    if (result.status !== 0)
      throw new PostgresMissingError(`apt-get ${args.join(" ")} failed (exit ${result.status}); install it by hand:\n  ${installCommand}`);
  }
  const installed = findPostgresBinaries();
  if (!installed) throw new PostgresMissingError(`apt-get installed postgresql, but no version ≥ ${minimumVersion} is under ${debianRoot}`);
  log(`installed PostgreSQL ${installed.version} (${installed.bin})`);
  return installed;
}
