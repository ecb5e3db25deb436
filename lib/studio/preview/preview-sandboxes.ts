// A studio preview's throwaway sandbox: made from the demo's template exactly as a prospect's is, but owned by
// a team member, never by a visitor — no visitor row, no events — so nothing of it can reach /sales. The one
// path from a preview id to a handle is the member's own session (as lib/sandbox/access.ts is for visitors).
import "server-only";
import path from "node:path";
import type { PreviewSandbox } from "@/db/control/schema";
import {
  deletePreviewRow,
  insertPreview,
  latestPreviewOf,
  previewExists,
  previewIds,
  previewIdsIdleSince,
  previewOwnedBy,
  updatePreviewRow,
} from "@/db/queries/sandboxes";
import { templateFor } from "@/lib/demos/registry";
import { copyTemplate } from "@/lib/sandbox/copy-template";
import { removeSandboxFiles } from "@/lib/sandbox/files";
import { closeSandbox, openSandbox, type SandboxDb, SandboxUnreadableError } from "@/lib/sandbox/handles";
import { isWellFormedId, newId } from "@/lib/sandbox/ids";

export type OwnedPreview = { preview: PreviewSandbox; db: SandboxDb };

/** Using a preview keeps it from the GC; at most one write a minute, not one per page. */
const activityWriteIntervalMs = 60_000;

async function markActive(preview: PreviewSandbox, now = new Date()): Promise<PreviewSandbox> {
  if (now.getTime() - preview.lastActiveAt.getTime() < activityWriteIntervalMs) return preview;
  await updatePreviewRow(preview.id, { lastActiveAt: now });
  return { ...preview, lastActiveAt: now };
}

/** A preview nobody has used for this long is collected by the sandbox GC: it is a look, not a workspace. */
export const previewIdleHours = 12;
const hourMs = 3_600_000;

function createPreview(memberId: string, demoSlug: string): Promise<PreviewSandbox> {
  const now = new Date();
  const template = templateFor(demoSlug, now);
  const id = newId();
  // File first, row second: a crash leaves an orphan file for the GC's sweep, never a row without a file.
  copyTemplate(template, id);
  return insertPreview({ id, memberId, demoSlug, template: path.basename(template), createdAt: now, lastActiveAt: now });
}

/** Drops the preview's row and files; the member's next preview of the demo is a fresh copy. */
export async function discardPreview(previewId: string): Promise<void> {
  await deletePreviewRow(previewId);
  closeSandbox(previewId);
  removeSandboxFiles(previewId);
}

/** The member's preview of this demo: the one they have (still readable), else a new copy of today's template. */
export async function openPreview(memberId: string, demoSlug: string): Promise<PreviewSandbox> {
  const latest = await latestPreviewOf(memberId, demoSlug);
  if (latest) {
    let readable = true;
    try {
      openSandbox(latest.id);
    } catch (error) {
      if (!(error instanceof SandboxUnreadableError)) throw error;
      readable = false;
    }
    if (readable) {
      const now = new Date();
      await updatePreviewRow(latest.id, { lastActiveAt: now });
      return { ...latest, lastActiveAt: now };
    }
    await discardPreview(latest.id);
  }
  return createPreview(memberId, demoSlug);
}

/** "Reset demo" in a preview: the same id back to today's template, keeping the persona and locale chosen. */
export async function restartPreview(preview: PreviewSandbox): Promise<PreviewSandbox> {
  const now = new Date();
  const template = templateFor(preview.demoSlug, now);
  // Closing checkpoints the WAL into the old file; the rename then swaps in the new one whole (as reset.ts).
  closeSandbox(preview.id);
  copyTemplate(template, preview.id);
  const row = { template: path.basename(template), lastActiveAt: now };
  return (await updatePreviewRow(preview.id, row)) ?? { ...preview, ...row };
}

/** The member's own preview by id, or undefined: anyone else's reads as not found. */
export async function findMemberPreview(previewId: unknown, memberId: string | undefined): Promise<PreviewSandbox | undefined> {
  if (!memberId || !isWellFormedId(previewId)) return undefined;
  return previewOwnedBy(previewId, memberId);
}

/** The member's own preview with its handle; a damaged file is discarded and reads as not found. */
export async function openMemberPreview(previewId: unknown, memberId: string | undefined): Promise<OwnedPreview | undefined> {
  const found = await findMemberPreview(previewId, memberId);
  if (!found) return undefined;
  let handle: SandboxDb;
  try {
    handle = openSandbox(found.id);
  } catch (error) {
    if (!(error instanceof SandboxUnreadableError)) throw error;
    await discardPreview(found.id);
    return undefined;
  }
  return { preview: await markActive(found), db: handle };
}

/** Whether an id names a preview sandbox (whoever's): the signals endpoint drops such batches unread. */
export async function isPreviewSandbox(sandboxId: unknown): Promise<boolean> {
  if (!isWellFormedId(sandboxId)) return false;
  return previewExists(sandboxId);
}

/** What "Talk to a human" answers in a preview, where nobody is on the other end. */
export const previewConversationRefusal =
  "This is a studio preview: messages from it would reach the sales team as a prospect's, so none are sent. Prospects see the conversation here.";

export type PreviewSettings = { persona?: string; locale?: string };

/** Persona and locale as the member switched them; only the control row changes, the sandbox keeps its work. */
export async function updatePreviewSettings(preview: PreviewSandbox, settings: PreviewSettings): Promise<PreviewSandbox> {
  const personalization = settings.persona ? { persona: settings.persona } : null;
  const locale = settings.locale ?? null;
  return (
    (await updatePreviewRow(preview.id, { personalization, locale, lastActiveAt: new Date() })) ?? { ...preview, personalization, locale }
  );
}

/** Previews idle past previewIdleHours: rows and files go. Returns how many. The sandbox GC calls this. */
export async function collectIdlePreviews(now: Date = new Date()): Promise<number> {
  const idle = await previewIdsIdleSince(new Date(now.getTime() - previewIdleHours * hourMs));
  for (const id of idle) await discardPreview(id);
  return idle.length;
}

/** Ids of every preview sandbox, so the GC's orphan sweep keeps their files. */
export function previewSandboxIds(): Promise<string[]> {
  return previewIds();
}
