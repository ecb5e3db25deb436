// Opens SQLite files with Openhouse's pragmas and applies migrations.
// Opening is lazy: `next build` imports route modules before any data directory exists.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { type BetterSQLite3Database, drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { paths } from "@/lib/config";
import * as controlSchema from "./control/schema";

export type ControlDb = BetterSQLite3Database<typeof controlSchema> & { $client: Database.Database };

/** Migration folders resolve from the project root, which `npm start` and the tests run in. */
export const migrationsFolder = {
  control: () => path.join(process.cwd(), "db/control/migrations"),
  sandbox: () => path.join(process.cwd(), "db/sandbox/migrations"),
};

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

let control: ControlDb | undefined;

/** The process-wide control-plane handle, opened on first use. */
export function controlDb(): ControlDb {
  if (!control) {
    const sqlite = openSqlite(paths.control(), { synchronous: "FULL" });
    control = drizzle(sqlite, { schema: controlSchema });
  }
  return control;
}

export function migrateControlDb(db: ControlDb = controlDb()): void {
  migrate(db, { migrationsFolder: migrationsFolder.control() });
}

/** Closes the handle (tests, CLIs, shutdown). The next controlDb() opens a new one. */
export function closeControlDb(): void {
  control?.$client.close();
  control = undefined;
}
