// Open SQLite handles for sandboxes, kept in a bounded LRU so thousands of sandboxes never mean
// thousands of open files; an evicted handle is closed.
import path from "node:path";
import type Database from "better-sqlite3";
import { type BetterSQLite3Database, drizzle } from "drizzle-orm/better-sqlite3";
import { LRUCache } from "lru-cache";
import { openSqlite } from "@/db/client";
import * as sandboxSchema from "@/db/sandbox/schema";
import { paths } from "@/lib/config";
import { isWellFormedId } from "./ids";

export type SandboxDb = BetterSQLite3Database<typeof sandboxSchema> & { $client: Database.Database };

const openHandles = new LRUCache<string, SandboxDb>({
  max: 200,
  dispose: (db) => db.$client.close(),
});

export function sandboxFile(sandboxId: string): string {
  if (!isWellFormedId(sandboxId)) throw new Error("not a sandbox id");
  return path.join(paths.sandboxes(), `${sandboxId}.sqlite`);
}

/** The handle for a sandbox the caller has already been authorised for (see access.ts). */
export function openSandbox(sandboxId: string): SandboxDb {
  let db = openHandles.get(sandboxId);
  if (!db) {
    db = drizzle(openSqlite(sandboxFile(sandboxId)), { schema: sandboxSchema });
    openHandles.set(sandboxId, db);
  }
  return db;
}

export function closeSandbox(sandboxId: string): void {
  openHandles.delete(sandboxId);
}
