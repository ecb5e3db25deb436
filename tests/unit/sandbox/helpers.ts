// Shared steps for sandbox tests: a migrated control plane and fresh visitors.
import fs from "node:fs";
import Database from "better-sqlite3";
import { newId } from "@/lib/sandbox/ids";
import { touchVisitor } from "@/lib/visitors/visitor-record";

export const demoSlug = "pipeline-basics";

export async function newVisitor(): Promise<string> {
  const id = newId();
  await touchVisitor(id);
  return id;
}

/** Reads one value from a sandbox file without going through the handle cache. */
export function readWorkspace(file: string): string | undefined {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare("select value from settings where key = 'workspace'").get() as { value: string } | undefined)?.value;
  } finally {
    db.close();
  }
}

export function exists(file: string): boolean {
  return fs.existsSync(file);
}
