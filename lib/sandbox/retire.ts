// Takes a sandbox out of service: the row says why (so its owner gets a friendly note), the files go.
import "server-only";
import type { Sandbox } from "@/db/control/schema";
import { markSandboxesGone, sandboxById } from "@/db/queries/sandboxes";
import { removeSandboxFiles } from "./files";
import { closeSandbox } from "./handles";

export type GoneReason = NonNullable<Sandbox["goneReason"]>;

/**
 * Marks the sandboxes gone, then removes their files. A gone sandbox has no activity, so its
 * lastActiveAt is re-used as "gone since": the GC keeps the tombstone 30 days from then. Row first: a crash in between leaves a gone
 * row with a stray file, which the GC's orphan sweep removes; never a live row without a file.
 */
export async function retireSandboxes(sandboxIds: string[], reason: GoneReason, now = new Date()): Promise<void> {
  await markSandboxesGone(sandboxIds, reason, now);
  for (const id of sandboxIds) {
    closeSandbox(id);
    removeSandboxFiles(id);
  }
}

export function retireSandbox(sandboxId: string, reason: GoneReason): Promise<void> {
  return retireSandboxes([sandboxId], reason);
}

export function sandboxRow(sandboxId: string): Promise<Sandbox | undefined> {
  return sandboxById(sandboxId);
}
