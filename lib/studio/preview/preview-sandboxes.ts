// A studio preview's throwaway sandbox: made from the demo's template exactly as a prospect's is, but owned by
// a team member, never by a visitor — no visitor row, no events — so nothing of it can reach /sales. The one
// path from a preview id to a handle is the member's own session (as lib/sandbox/access.ts is for visitors).
import "server-only";
import path from "node:path";
import { and, desc, eq, lt } from "drizzle-orm";
import { type ControlDb, controlDb } from "@/db/client";
import { type PreviewSandbox, previewSandboxes } from "@/db/control/schema";
import { templateFor } from "@/lib/demos/registry";
import { copyTemplate } from "@/lib/sandbox/copy-template";
import { removeSandboxFiles } from "@/lib/sandbox/files";
import { closeSandbox, openSandbox, type SandboxDb, SandboxUnreadableError } from "@/lib/sandbox/handles";
import { isWellFormedId, newId } from "@/lib/sandbox/ids";

export type OwnedPreview = { preview: PreviewSandbox; db: SandboxDb };

/** Using a preview keeps it from the GC; at most one write a minute, not one per page. */
const activityWriteIntervalMs = 60_000;

function markActive(preview: PreviewSandbox, db: ControlDb, now = new Date()): PreviewSandbox {
  if (now.getTime() - preview.lastActiveAt.getTime() < activityWriteIntervalMs) return preview;
  db.update(previewSandboxes).set({ lastActiveAt: now }).where(eq(previewSandboxes.id, preview.id)).run();
  return { ...preview, lastActiveAt: now };
}

/** A preview nobody has used for this long is collected by the sandbox GC: it is a look, not a workspace. */
export const previewIdleHours = 12;
const hourMs = 3_600_000;

function latestPreview(memberId: string, demoSlug: string, db: ControlDb): PreviewSandbox | undefined {
  return db
    .select()
    .from(previewSandboxes)
    .where(and(eq(previewSandboxes.memberId, memberId), eq(previewSandboxes.demoSlug, demoSlug)))
    .orderBy(desc(previewSandboxes.createdAt))
    .get();
}

function createPreview(memberId: string, demoSlug: string, db: ControlDb): PreviewSandbox {
  const now = new Date();
  const template = templateFor(demoSlug, now);
  const id = newId();
  // File first, row second: a crash leaves an orphan file for the GC's sweep, never a row without a file.
  copyTemplate(template, id);
  return db
    .insert(previewSandboxes)
    .values({
      id,
      memberId,
      demoSlug,
      template: path.basename(template),
      createdAt: now,
      lastActiveAt: now,
    })
    .returning()
    .get();
}

/** Drops the preview's row and files; the member's next preview of the demo is a fresh copy. */
export function discardPreview(previewId: string, db: ControlDb = controlDb()): void {
  db.delete(previewSandboxes).where(eq(previewSandboxes.id, previewId)).run();
  closeSandbox(previewId);
  removeSandboxFiles(previewId);
}

/** The member's preview of this demo: the one they have (still readable), else a new copy of today's template. */
export function openPreview(memberId: string, demoSlug: string, db: ControlDb = controlDb()): PreviewSandbox {
  const latest = latestPreview(memberId, demoSlug, db);
  if (latest) {
    try {
      openSandbox(latest.id);
      const now = new Date();
      db.update(previewSandboxes).set({ lastActiveAt: now }).where(eq(previewSandboxes.id, latest.id)).run();
      return { ...latest, lastActiveAt: now };
    } catch (error) {
      if (!(error instanceof SandboxUnreadableError)) throw error;
      discardPreview(latest.id, db);
    }
  }
  return createPreview(memberId, demoSlug, db);
}

/** "Reset demo" in a preview: the same id back to today's template, keeping the persona and locale chosen. */
export function restartPreview(preview: PreviewSandbox, db: ControlDb = controlDb()): PreviewSandbox {
  const now = new Date();
  const template = templateFor(preview.demoSlug, now);
  // Closing checkpoints the WAL into the old file; the rename then swaps in the new one whole (as reset.ts).
  closeSandbox(preview.id);
  copyTemplate(template, preview.id);
  const row = { template: path.basename(template), lastActiveAt: now };
  return db.update(previewSandboxes).set(row).where(eq(previewSandboxes.id, preview.id)).returning().get() ?? { ...preview, ...row };
}

/** The member's own preview by id, or undefined: anyone else's reads as not found. */
export function findMemberPreview(
  previewId: unknown,
  memberId: string | undefined,
  db: ControlDb = controlDb(),
): PreviewSandbox | undefined {
  if (!memberId || !isWellFormedId(previewId)) return undefined;
  return db
    .select()
    .from(previewSandboxes)
    .where(and(eq(previewSandboxes.id, previewId), eq(previewSandboxes.memberId, memberId)))
    .get();
}

/** The member's own preview with its handle; a damaged file is discarded and reads as not found. */
export function openMemberPreview(previewId: unknown, memberId: string | undefined, db: ControlDb = controlDb()): OwnedPreview | undefined {
  const found = findMemberPreview(previewId, memberId, db);
  if (!found) return undefined;
  try {
    const handle = openSandbox(found.id);
    return { preview: markActive(found, db), db: handle };
  } catch (error) {
    if (!(error instanceof SandboxUnreadableError)) throw error;
    discardPreview(found.id, db);
    return undefined;
  }
}

/** Whether an id names a preview sandbox (whoever's): the signals endpoint drops such batches unread. */
export function isPreviewSandbox(sandboxId: unknown, db: ControlDb = controlDb()): boolean {
  if (!isWellFormedId(sandboxId)) return false;
  return db.select({ id: previewSandboxes.id }).from(previewSandboxes).where(eq(previewSandboxes.id, sandboxId)).get() !== undefined;
}

/** What "Talk to a human" answers in a preview, where nobody is on the other end. */
export const previewConversationRefusal =
  "This is a studio preview: messages from it would reach the sales team as a prospect's, so none are sent. Prospects see the conversation here.";

export type PreviewSettings = { persona?: string; locale?: string };

/** Persona and locale as the member switched them; only the control row changes, the sandbox keeps its work. */
export function updatePreviewSettings(preview: PreviewSandbox, settings: PreviewSettings, db: ControlDb = controlDb()): PreviewSandbox {
  const personalization = settings.persona ? { persona: settings.persona } : null;
  const locale = settings.locale ?? null;
  return (
    db
      .update(previewSandboxes)
      .set({ personalization, locale, lastActiveAt: new Date() })
      .where(eq(previewSandboxes.id, preview.id))
      .returning()
      .get() ?? { ...preview, personalization, locale }
  );
}

/** Previews idle past previewIdleHours: rows and files go. Returns how many. The sandbox GC calls this. */
export function collectIdlePreviews(now: Date = new Date(), db: ControlDb = controlDb()): number {
  const cutoff = new Date(now.getTime() - previewIdleHours * hourMs);
  const idle = db.select({ id: previewSandboxes.id }).from(previewSandboxes).where(lt(previewSandboxes.lastActiveAt, cutoff)).all();
  for (const { id } of idle) discardPreview(id, db);
  return idle.length;
}

/** Ids of every preview sandbox, so the GC's orphan sweep keeps their files. */
export function previewSandboxIds(db: ControlDb = controlDb()): string[] {
  return db
    .select({ id: previewSandboxes.id })
    .from(previewSandboxes)
    .all()
    .map((row) => row.id);
}
