// The benches that seed hundreds of thousands of rows write them straight into the embedded SQLite file with
// prepared statements (seeding is not what they measure, and through the store it would take minutes). They
// measure the embedded control plane, so they refuse to run with DATABASE_URL set rather than measure the
// wrong database.
import type Database from "better-sqlite3";
import { runtime } from "../lib/runtime/runtime";

/** The store's own SQLite connection (db/dialects/sqlite/store.ts); call after migrating. */
export function embeddedControlConnection(bench: string): Database.Database {
  const opened = runtime().control.store as { sqlite?: Database.Database } | undefined;
  if (!opened?.sqlite) throw new Error(`${bench} seeds the embedded SQLite control plane: run it without DATABASE_URL`);
  return opened.sqlite;
}
