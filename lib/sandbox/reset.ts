// "Reset demo": the same sandbox id, back to today's template, keeping the visitor's personalization.
import "server-only";
import path from "node:path";
import type { Sandbox } from "@/db/control/schema";
import { setSandboxTemplate } from "@/db/queries/sandboxes";
import { templateFor } from "@/lib/demos/registry";
import { runtime } from "@/lib/runtime/runtime";
import { restartPreview } from "@/lib/studio/preview/preview-sandboxes";
import type { OwnedSandbox } from "./access";
import { tellCopy } from "./copy-news";
import { copyTemplate } from "./copy-template";
import { closeSandbox } from "./handles";

/** Replaces the sandbox's file with a fresh copy. The caller has authorised the visitor (requireOwnSandbox). */
export async function resetSandbox(sandbox: Sandbox): Promise<Sandbox> {
  const now = new Date();
  const template = templateFor(sandbox.demoSlug, now);
  // Closing checkpoints the WAL into the old file; the rename then swaps in the new one whole.
  closeSandbox(sandbox.id);
  copyTemplate(template, sandbox.id);
  return (
    (await setSandboxTemplate(sandbox.id, path.basename(template), now, runtime().config.nodeName)) ?? {
      ...sandbox,
      template: path.basename(template),
      lastActiveAt: now,
    }
  );
}

/**
 * "Reset demo" for whichever sandbox the caller may use: a prospect's (their own or a shared copy, whose other
 * people's pages then show the sample data again), or a member's studio preview.
 */
export async function resetOwnedSandbox(owned: OwnedSandbox): Promise<void> {
  if (owned.kind === "preview") await restartPreview(owned.sandbox);
  else {
    await resetSandbox(owned.sandbox);
    await tellCopy(owned.sandbox.id, owned.visitorId, "reset this copy to the sample data");
  }
}
