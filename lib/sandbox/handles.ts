// Open SQLite handles for sandboxes, kept in the runtime's bounded LRU so thousands of sandboxes never mean
// thousands of open files; a handle idle past its TTL or pushed out is closed.
import "server-only";
import fs from "node:fs";
import type Database from "better-sqlite3";
import { type BetterSQLite3Database, drizzle } from "drizzle-orm/better-sqlite3";
import * as sandboxSchema from "@/db/sandbox/schema";
import { openSqlite } from "@/db/sqlite";
import { runtime } from "@/lib/runtime/runtime";
import { sandboxFile } from "./files";

export { sandboxFile } from "./files";

export type SandboxDb = BetterSQLite3Database<typeof sandboxSchema> & { $client: Database.Database };

/** The file is missing, is not a database, or failed its check: the sandbox cannot be used. */
export class SandboxUnreadableError extends Error {}

// drizzle's wrapper is per module copy and holds no connection: the connection is the runtime's.
const wrapped = new WeakMap<Database.Database, SandboxDb>();

function asDrizzle(sqlite: Database.Database): SandboxDb {
  let db = wrapped.get(sqlite);
  if (!db) {
    db = drizzle(sqlite, { schema: sandboxSchema });
    wrapped.set(sqlite, db);
  }
  return db;
}

const unreadableCodes = new Set(["SQLITE_CORRUPT", "SQLITE_NOTADB", "SQLITE_CANTOPEN"]);

export function isUnreadableDatabaseError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && [...unreadableCodes].some((prefix) => code.startsWith(prefix));
}

/** Opens and checks a sandbox file. quick_check costs well under a millisecond on a demo-sized file. */
function openChecked(sandboxId: string): Database.Database {
  const file = sandboxFile(sandboxId);
  // openSqlite would create an empty database in place of a missing file.
  if (!fs.existsSync(file)) throw new SandboxUnreadableError(`sandbox file missing: ${sandboxId}`);
  let sqlite: Database.Database | undefined;
  try {
    sqlite = openSqlite(file);
    sqlite.pragma(`max_page_count = ${runtime().config.sandboxMaxPages}`);
    const check = sqlite.pragma("quick_check", { simple: true });
    if (check !== "ok") throw new SandboxUnreadableError(`sandbox failed quick_check: ${sandboxId}`);
  } catch (error) {
    sqlite?.close();
    if (error instanceof SandboxUnreadableError) throw error;
    if (isUnreadableDatabaseError(error)) throw new SandboxUnreadableError(`sandbox unreadable: ${sandboxId}`);
    throw error;
  }
  return sqlite;
}

/**
 * The handle for a sandbox the caller has already been authorised for (see access.ts).
 * Throws SandboxUnreadableError when the file is missing or damaged.
 */
export function openSandbox(sandboxId: string): SandboxDb {
  const handles = runtime().sandboxHandles;
  let sqlite = handles.get(sandboxId);
  if (!sqlite) {
    sqlite = openChecked(sandboxId);
    handles.set(sandboxId, sqlite);
  }
  return asDrizzle(sqlite);
}

/** Closes the handle if open: before a sandbox's file is replaced or removed. */
export function closeSandbox(sandboxId: string): void {
  runtime().sandboxHandles.delete(sandboxId);
}

/** Closes every handle (CLI and test shutdown). */
export function closeAllSandboxes(): void {
  runtime().sandboxHandles.clear();
}

export function openHandleCount(): number {
  return runtime().sandboxHandles.size;
}
