// Opens SQLite files with Openhouse's pragmas. No state: the connections themselves live in the runtime.
import "server-only";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

/**
 * WAL so readers never wait for the writer; FULL sync on the control plane because a 2xx from
 * /api/signals promises the event is on disk; a busy timeout because the CLI and server share files.
 */
export function openSqlite(file: string, options: { synchronous?: "FULL" | "NORMAL" } = {}): Database.Database {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma(`synchronous = ${options.synchronous ?? "NORMAL"}`);
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("journal_size_limit = 67108864");
  return sqlite;
}
