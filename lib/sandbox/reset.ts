// "Reset demo": the same sandbox id, back to today's template, keeping the visitor's personalization.
import "server-only";
import path from "node:path";
import { eq } from "drizzle-orm";
import { type ControlDb, controlDb } from "@/db/client";
import { type Sandbox, sandboxes } from "@/db/control/schema";
import { templateFor } from "@/lib/demos/registry";
import { restartPreview } from "@/lib/studio/preview/preview-sandboxes";
import type { OwnedSandbox } from "./access";
import { copyTemplate } from "./copy-template";
import { closeSandbox } from "./handles";

/** Replaces the sandbox's file with a fresh copy. The caller has authorised the visitor (requireOwnSandbox). */
export function resetSandbox(sandbox: Sandbox, db: ControlDb = controlDb()): Sandbox {
  const now = new Date();
  const template = templateFor(sandbox.demoSlug, now);
  // Closing checkpoints the WAL into the old file; the rename then swaps in the new one whole.
  closeSandbox(sandbox.id);
  copyTemplate(template, sandbox.id);
  return (
    db
      .update(sandboxes)
      .set({ template: path.basename(template), lastActiveAt: now })
      .where(eq(sandboxes.id, sandbox.id))
      .returning()
      .get() ?? { ...sandbox, template: path.basename(template), lastActiveAt: now }
  );
}

/** "Reset demo" for whichever sandbox the caller owns: a prospect's, or a member's studio preview. */
export function resetOwnedSandbox(owned: OwnedSandbox): void {
  if (owned.kind === "preview") restartPreview(owned.sandbox);
  else resetSandbox(owned.sandbox);
}
