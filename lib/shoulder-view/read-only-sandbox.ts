// A prospect's sandbox file opened for reading only, for the shoulder view. Its own connection — never the
// runtime's writable handle — opened read-only and query-only, so no statement through it can write; the
// function that opens it returns its cleanup.
import "server-only";
import fs from "node:fs";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import * as sandboxSchema from "@/db/sandbox/schema";
import { type SandboxDb, sandboxFile } from "@/lib/sandbox/handles";

export type ReadOnlySandbox = { db: SandboxDb; close: () => void };

/** Undefined when the file is gone (collected, reset mid-way); SQLite refuses every write through `db`. */
export function openReadOnlySandbox(sandboxId: string): ReadOnlySandbox | undefined {
  const file = sandboxFile(sandboxId);
  if (!fs.existsSync(file)) return undefined;
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file, { readonly: true, fileMustExist: true });
  } catch {
    return undefined;
  }
  // Belt and braces: query_only also refuses writes the read-only flag might let through (e.g. ATTACH).
  sqlite.pragma("query_only = ON");
  const db = drizzle(sqlite, { schema: sandboxSchema }) as SandboxDb;
  return { db, close: () => sqlite.close() };
}
