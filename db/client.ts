// TRANSITIONAL: the synchronous SQLite handle of the old data layer, for modules not yet moved to db/store.ts.
// It shares the store's one connection. Removed once every module queries through store().
import "server-only";
import type Database from "better-sqlite3";
import { type BetterSQLite3Database, drizzle } from "drizzle-orm/better-sqlite3";
import { runtime } from "@/lib/runtime/runtime";
import * as controlSchema from "./control/schema";
import { migrateControlPlane, migrationsFolder, store } from "./control-plane";

export { openSqlite } from "./sqlite";
export { migrationsFolder };

export type ControlDb = BetterSQLite3Database<typeof controlSchema> & { $client: Database.Database };

const wrapped = new WeakMap<Database.Database, ControlDb>();

export function controlDb(): ControlDb {
  store();
  const sqlite = (runtime().control.store as { sqlite?: Database.Database } | undefined)?.sqlite;
  if (!sqlite) throw new Error("This part of Openhouse does not run on PostgreSQL yet");
  let db = wrapped.get(sqlite);
  if (!db) {
    db = drizzle(sqlite, { schema: controlSchema });
    wrapped.set(sqlite, db);
  }
  return db;
}

export function migrateControlDb(): Promise<void> {
  return migrateControlPlane();
}

export function closeControlDb(): Promise<void> {
  const { control } = runtime();
  const opened = control.store;
  control.store = undefined;
  return opened ? opened.close() : Promise.resolve();
}
