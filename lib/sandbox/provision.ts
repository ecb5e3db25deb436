// Gives a visitor their own sandbox for a demo: resume the live one they have, or copy today's template.
// A file copy is ~1 ms where re-seeding takes tens (npm run bench:sandbox); it also isolates visitors perfectly.
import "server-only";
import fs from "node:fs";
import path from "node:path";
import { and, desc, eq } from "drizzle-orm";
import { type ControlDb, controlDb } from "@/db/client";
import { type Sandbox, sandboxes } from "@/db/control/schema";
import { templateFor } from "@/lib/demos/registry";
import { copyTemplate } from "./copy-template";
import { enforceLiveCap, liveCapFor } from "./eviction";
import { sandboxFile, templateBytes } from "./files";
import { newId } from "./ids";
import { type Personalization, personalizationRow, storedPersonalization } from "./personalization";
import { retireSandbox } from "./retire";

function latestSandbox(visitorId: string, demoSlug: string, db: ControlDb): Sandbox | undefined {
  return db
    .select()
    .from(sandboxes)
    .where(and(eq(sandboxes.visitorId, visitorId), eq(sandboxes.demoSlug, demoSlug)))
    .orderBy(desc(sandboxes.createdAt))
    .get();
}

/** The visitor's live sandbox for this demo, marked active; undefined when a new one is needed. */
export function resumeSandbox(visitorId: string, demoSlug: string, db: ControlDb = controlDb()): Sandbox | undefined {
  const latest = latestSandbox(visitorId, demoSlug, db);
  if (latest?.status !== "live") return undefined;
  if (!fs.existsSync(sandboxFile(latest.id))) {
    retireSandbox(latest.id, "corrupt", db);
    return undefined;
  }
  const now = new Date();
  db.update(sandboxes).set({ lastActiveAt: now }).where(eq(sandboxes.id, latest.id)).run();
  return { ...latest, lastActiveAt: now };
}

/**
 * A new sandbox from today's template. Without personalization in the link, a renewed sandbox keeps
 * the one its expired predecessor had. The file is in place before the row exists: a crash leaves an
 * orphan file for the GC, never a live row without a file.
 */
export function createSandbox(
  visitorId: string,
  demoSlug: string,
  personalization: Personalization | undefined,
  db: ControlDb = controlDb(),
): Sandbox {
  const now = new Date();
  const kept = personalization ?? storedPersonalization(latestSandbox(visitorId, demoSlug, db)?.personalization);
  const template = templateFor(demoSlug, now);
  const id = newId();
  copyTemplate(template, id);
  const sandbox = db
    .insert(sandboxes)
    .values({
      id,
      visitorId,
      demoSlug,
      template: path.basename(template),
      lastActiveAt: now,
      createdAt: now,
      personalization: personalizationRow(kept),
    })
    .returning()
    .get();
  enforceLiveCap(db, id, liveCapFor(templateBytes(template)));
  return sandbox;
}

/**
 * A returning visitor who picks a role again (say "as a Sales leader" in the gallery) gets that tour branch
 * on the sandbox they already have: their work stays. The company is not switched: it names the workspace
 * they have been working in. Only the control row changes, so this costs no file access.
 */
export function adoptPersona(sandbox: Sandbox, personalization: Personalization | undefined, db: ControlDb = controlDb()): Sandbox {
  const stored = storedPersonalization(sandbox.personalization);
  if (!personalization?.persona || personalization.persona === stored?.persona) return sandbox;
  const row = personalizationRow({ ...stored, persona: personalization.persona });
  db.update(sandboxes).set({ personalization: row }).where(eq(sandboxes.id, sandbox.id)).run();
  return { ...sandbox, personalization: row };
}

export type ProvisionOptions = {
  personalization?: Personalization;
  /**
   * Asked only when a new sandbox would be made (resuming is never limited): false refuses it, and
   * provisionSandbox answers undefined. The /try flow's per-client rate limit.
   */
  admitNew?: () => boolean;
};

/** Resume the visitor's sandbox for this demo (taking the link's persona) or create one. */
export function provisionSandbox(
  visitorId: string,
  demoSlug: string,
  options?: Omit<ProvisionOptions, "admitNew">,
  db?: ControlDb,
): Sandbox;
export function provisionSandbox(visitorId: string, demoSlug: string, options: ProvisionOptions, db?: ControlDb): Sandbox | undefined;
export function provisionSandbox(
  visitorId: string,
  demoSlug: string,
  options: ProvisionOptions = {},
  db: ControlDb = controlDb(),
): Sandbox | undefined {
  const resumed = resumeSandbox(visitorId, demoSlug, db);
  if (resumed) return adoptPersona(resumed, options.personalization, db);
  if (options.admitNew && !options.admitNew()) return undefined;
  return createSandbox(visitorId, demoSlug, options.personalization, db);
}
