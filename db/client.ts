// The control-plane database as drizzle sees it, and its migrations. The connection is the runtime's (one per
// process, opened on first use: `next build` imports route modules before any data directory exists); each
// copy of this module wraps it in drizzle once, which costs nothing and holds no connection of its own.
import "server-only";
import path from "node:path";
import type Database from "better-sqlite3";
import { type BetterSQLite3Database, drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { runtime } from "@/lib/runtime/runtime";
import * as controlSchema from "./control/schema";
import { openSqlite } from "./sqlite";

export { openSqlite } from "./sqlite";

export type ControlDb = BetterSQLite3Database<typeof controlSchema> & { $client: Database.Database };

/** Migration folders resolve from the project root, which `npm start` and the tests run in. */
export const migrationsFolder = {
  control: () => path.join(process.cwd(), "db/control/migrations"),
  sandbox: () => path.join(process.cwd(), "db/sandbox/migrations"),
};

const wrapped = new WeakMap<Database.Database, ControlDb>();

/** The process-wide control-plane handle, opened on first use. */
export function controlDb(): ControlDb {
  const { control, paths } = runtime();
  control.sqlite ??= openSqlite(paths.control, { synchronous: "FULL" });
  let db = wrapped.get(control.sqlite);
  if (!db) {
    db = drizzle(control.sqlite, { schema: controlSchema });
    wrapped.set(control.sqlite, db);
  }
  return db;
}

export function migrateControlDb(db: ControlDb = controlDb()): void {
  migrate(db, { migrationsFolder: migrationsFolder.control() });
}

/** Closes the connection (tests, CLIs, shutdown). The next controlDb() opens a new one. */
export function closeControlDb(): void {
  const { control } = runtime();
  control.sqlite?.close();
  control.sqlite = undefined;
}
