// Takes a sandbox out of service: the row says why (so its owner gets a friendly note), the files go.
import "server-only";
import { eq, inArray } from "drizzle-orm";
import { type ControlDb, controlDb } from "@/db/client";
import { type Sandbox, sandboxes } from "@/db/control/schema";
import { removeSandboxFiles } from "./files";
import { closeSandbox } from "./handles";

export type GoneReason = NonNullable<Sandbox["goneReason"]>;

/**
 * Marks the sandboxes gone, then removes their files. A gone sandbox has no activity, so its
 * lastActiveAt is re-used as "gone since": the GC keeps the tombstone 30 days from then. Row first: a crash in between leaves a gone
 * row with a stray file, which the GC's orphan sweep removes; never a live row without a file.
 */
export function retireSandboxes(sandboxIds: string[], reason: GoneReason, db: ControlDb = controlDb(), now = new Date()): void {
  // SQLite caps bound parameters; 500 per statement stays well under it.
  for (let start = 0; start < sandboxIds.length; start += 500) {
    const batch = sandboxIds.slice(start, start + 500);
    db.update(sandboxes).set({ status: "gone", goneReason: reason, lastActiveAt: now }).where(inArray(sandboxes.id, batch)).run();
  }
  for (const id of sandboxIds) {
    closeSandbox(id);
    removeSandboxFiles(id);
  }
}

export function retireSandbox(sandboxId: string, reason: GoneReason, db: ControlDb = controlDb()): void {
  retireSandboxes([sandboxId], reason, db);
}

export function sandboxRow(sandboxId: string, db: ControlDb = controlDb()): Sandbox | undefined {
  return db.select().from(sandboxes).where(eq(sandboxes.id, sandboxId)).get();
}
