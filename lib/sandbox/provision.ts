// Gives a visitor their own sandbox for a demo: resume the live one they have, or copy today's template.
// A file copy is ~1 ms where re-seeding takes tens (npm run bench:sandbox); it also isolates visitors perfectly.
import "server-only";
import fs from "node:fs";
import path from "node:path";
import type { Sandbox } from "@/db/control/schema";
import { insertSandbox, latestSandboxOf, setSandboxPersonalization, touchSandbox } from "@/db/queries/sandboxes";
import { sandboxWhereabouts } from "@/lib/cluster/whereabouts";
import { templateFor } from "@/lib/demos/registry";
import { runtime } from "@/lib/runtime/runtime";
import { copyTemplate } from "./copy-template";
import { enforceLiveCap, liveCapFor } from "./eviction";
import { sandboxFile, templateBytes } from "./files";
import { newId } from "./ids";
import { type Personalization, personalizationRow, storedPersonalization } from "./personalization";
import { type GoneReason, retireSandbox } from "./retire";

/**
 * The visitor's live sandbox for this demo, marked active; undefined when a new one is needed. One on another
 * live node is theirs still (its pages are handed to that node); one on a node that stopped is replaced.
 */
export async function resumeSandbox(
  visitorId: string,
  demoSlug: string,
  onRetired?: (reason: GoneReason) => void,
): Promise<Sandbox | undefined> {
  const latest = await latestSandboxOf(visitorId, demoSlug);
  if (latest?.status !== "live") return undefined;
  const where = await sandboxWhereabouts(latest);
  if (where.state === "lost" || (where.state === "here" && !fs.existsSync(sandboxFile(latest.id)))) {
    const reason = where.state === "lost" ? "node-lost" : "corrupt";
    await retireSandbox(latest.id, reason);
    onRetired?.(reason);
    return undefined;
  }
  const now = new Date();
  await touchSandbox(latest.id, now);
  return { ...latest, lastActiveAt: now };
}

/**
 * A new sandbox from today's template. Without personalization in the link, a renewed sandbox keeps
 * the one its expired predecessor had. The file is in place before the row exists: a crash leaves an
 * orphan file for the GC, never a live row without a file.
 */
export async function createSandbox(visitorId: string, demoSlug: string, personalization: Personalization | undefined): Promise<Sandbox> {
  const now = new Date();
  const kept = personalization ?? storedPersonalization((await latestSandboxOf(visitorId, demoSlug))?.personalization);
  const template = templateFor(demoSlug, now);
  const id = newId();
  copyTemplate(template, id);
  const sandbox = await insertSandbox({
    id,
    visitorId,
    demoSlug,
    template: path.basename(template),
    lastActiveAt: now,
    createdAt: now,
    personalization: personalizationRow(kept),
    node: runtime().config.nodeName,
  });
  await enforceLiveCap(id, liveCapFor(templateBytes(template)));
  return sandbox;
}

/**
 * A returning visitor who picks a role again (say "as a Sales leader" in the gallery) gets that tour branch
 * on the sandbox they already have: their work stays. The company is not switched: it names the workspace
 * they have been working in. Only the control row changes, so this costs no file access.
 */
export async function adoptPersona(sandbox: Sandbox, personalization: Personalization | undefined): Promise<Sandbox> {
  const stored = storedPersonalization(sandbox.personalization);
  if (!personalization?.persona || personalization.persona === stored?.persona) return sandbox;
  const row = personalizationRow({ ...stored, persona: personalization.persona });
  await setSandboxPersonalization(sandbox.id, row);
  return { ...sandbox, personalization: row };
}

export type ProvisionOptions = {
  personalization?: Personalization;
  /**
   * Asked only when a new sandbox would be made (resuming is never limited): false refuses it, and
   * provisionSandbox answers undefined. The /try flow's per-client rate limit (and its visitor row).
   */
  admitNew?: () => Promise<boolean>;
  /** Told when the visitor's live copy had to be retired on the way (its node stopped, or its file is damaged). */
  onRetired?: (reason: GoneReason) => void;
};

/** Resume the visitor's sandbox for this demo (taking the link's persona) or create one. */
export function provisionSandbox(visitorId: string, demoSlug: string, options?: Omit<ProvisionOptions, "admitNew">): Promise<Sandbox>;
export function provisionSandbox(visitorId: string, demoSlug: string, options: ProvisionOptions): Promise<Sandbox | undefined>;
export async function provisionSandbox(visitorId: string, demoSlug: string, options: ProvisionOptions = {}): Promise<Sandbox | undefined> {
  const resumed = await resumeSandbox(visitorId, demoSlug, options.onRetired);
  if (resumed) return adoptPersona(resumed, options.personalization);
  if (options.admitNew && !(await options.admitNew())) return undefined;
  return createSandbox(visitorId, demoSlug, options.personalization);
}
