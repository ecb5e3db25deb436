// Sandbox rows: which visitor owns which copy of which demo, whether it is live or gone (and why), and the
// studio's preview copies, which belong to a team member instead.
import "server-only";
import { and, asc, count, desc, eq, inArray, isNull, lt, ne, or } from "drizzle-orm";
import type { PreviewSandbox, Sandbox } from "@/db/control/schema";
import { store } from "@/db/control-plane";
import type { Store } from "@/db/store";

type GoneReason = NonNullable<Sandbox["goneReason"]>;

export function sandboxById(id: string, s: Store = store()): Promise<Sandbox | undefined> {
  const { sandboxes } = s.t;
  return s.one(s.db.select().from(sandboxes).where(eq(sandboxes.id, id)));
}

export function latestSandboxOf(visitorId: string, demoSlug: string, s: Store = store()): Promise<Sandbox | undefined> {
  const { sandboxes } = s.t;
  return s.one(
    s.db
      .select()
      .from(sandboxes)
      .where(and(eq(sandboxes.visitorId, visitorId), eq(sandboxes.demoSlug, demoSlug)))
      .orderBy(desc(sandboxes.createdAt)),
  );
}

export async function touchSandbox(id: string, at: Date, s: Store = store()): Promise<void> {
  const { sandboxes } = s.t;
  await s.run(s.db.update(sandboxes).set({ lastActiveAt: at }).where(eq(sandboxes.id, id)));
}

export async function insertSandbox(
  row: Pick<Sandbox, "id" | "visitorId" | "demoSlug" | "template" | "lastActiveAt" | "createdAt" | "personalization" | "node">,
  s: Store = store(),
): Promise<Sandbox> {
  const inserted = await s.one(s.db.insert(s.t.sandboxes).values(row).returning());
  if (!inserted) throw new Error("The sandbox was not stored");
  return inserted;
}

export async function setSandboxPersonalization(
  id: string,
  personalization: Sandbox["personalization"],
  s: Store = store(),
): Promise<void> {
  const { sandboxes } = s.t;
  await s.run(s.db.update(sandboxes).set({ personalization }).where(eq(sandboxes.id, id)));
}

/** A fresh copy under the same id (Reset demo), on `node`'s disk; the updated row. */
export function setSandboxTemplate(id: string, template: string, at: Date, node: string, s: Store = store()): Promise<Sandbox | undefined> {
  const { sandboxes } = s.t;
  return s.one(s.db.update(sandboxes).set({ template, lastActiveAt: at, node }).where(eq(sandboxes.id, id)).returning());
}

/** Marks sandboxes gone; their lastActiveAt becomes "gone since". */
export async function markSandboxesGone(ids: string[], reason: GoneReason, at: Date, s: Store = store()): Promise<void> {
  const { sandboxes } = s.t;
  // Bound parameters are capped per statement on both databases; 500 stays well under either cap.
  for (let start = 0; start < ids.length; start += 500) {
    const batch = ids.slice(start, start + 500);
    await s.run(s.db.update(sandboxes).set({ status: "gone", goneReason: reason, lastActiveAt: at }).where(inArray(sandboxes.id, batch)));
  }
}

export async function liveSandboxCount(s: Store = store()): Promise<number> {
  const { sandboxes } = s.t;
  return (await s.one(s.db.select({ n: count() }).from(sandboxes).where(eq(sandboxes.status, "live"))))?.n ?? 0;
}

/** Live sandboxes, longest idle first (optionally sparing one). */
export async function idlestLiveSandboxIds(limit: number, keepId: string | undefined, s: Store = store()): Promise<string[]> {
  const { sandboxes } = s.t;
  const rows = await s.all(
    s.db
      .select({ id: sandboxes.id })
      .from(sandboxes)
      .where(keepId ? and(eq(sandboxes.status, "live"), ne(sandboxes.id, keepId)) : eq(sandboxes.status, "live"))
      .orderBy(asc(sandboxes.lastActiveAt))
      .limit(limit),
  );
  return rows.map((row) => row.id);
}

/** Every live sandbox on `node`'s disk (and those recorded on none), most recently active first. */
export async function liveSandboxIdsNewestFirst(node: string, s: Store = store()): Promise<string[]> {
  const { sandboxes } = s.t;
  const rows = await s.all(
    s.db
      .select({ id: sandboxes.id })
      .from(sandboxes)
      .where(and(eq(sandboxes.status, "live"), or(eq(sandboxes.node, node), isNull(sandboxes.node))))
      .orderBy(desc(sandboxes.lastActiveAt)),
  );
  return rows.map((row) => row.id);
}

export async function liveSandboxIdsIdleSince(before: Date, s: Store = store()): Promise<string[]> {
  const { sandboxes } = s.t;
  const rows = await s.all(
    s.db
      .select({ id: sandboxes.id })
      .from(sandboxes)
      .where(and(eq(sandboxes.status, "live"), lt(sandboxes.lastActiveAt, before))),
  );
  return rows.map((row) => row.id);
}

export function liveSandboxIds(s: Store = store()): Promise<string[]> {
  return liveSandboxIdsIdleSince(new Date(8.64e15), s);
}

/** Deletes gone rows older than `before` (their owners have had their note); returns how many. */
export function deleteTombstonesBefore(before: Date, s: Store = store()): Promise<number> {
  const { sandboxes } = s.t;
  return s.run(s.db.delete(sandboxes).where(and(eq(sandboxes.status, "gone"), lt(sandboxes.lastActiveAt, before))));
}

// ---- studio previews ----

export function latestPreviewOf(memberId: string, demoSlug: string, s: Store = store()): Promise<PreviewSandbox | undefined> {
  const { previewSandboxes } = s.t;
  return s.one(
    s.db
      .select()
      .from(previewSandboxes)
      .where(and(eq(previewSandboxes.memberId, memberId), eq(previewSandboxes.demoSlug, demoSlug)))
      .orderBy(desc(previewSandboxes.createdAt)),
  );
}

export async function insertPreview(
  row: Pick<PreviewSandbox, "id" | "memberId" | "demoSlug" | "template" | "createdAt" | "lastActiveAt">,
  s: Store = store(),
): Promise<PreviewSandbox> {
  const inserted = await s.one(s.db.insert(s.t.previewSandboxes).values(row).returning());
  if (!inserted) throw new Error("The preview was not stored");
  return inserted;
}

export async function deletePreviewRow(id: string, s: Store = store()): Promise<void> {
  const { previewSandboxes } = s.t;
  await s.run(s.db.delete(previewSandboxes).where(eq(previewSandboxes.id, id)));
}

/** Changes a preview's row; the updated row, or undefined when it is gone. */
export function updatePreviewRow(
  id: string,
  change: Partial<Pick<PreviewSandbox, "template" | "lastActiveAt" | "personalization" | "locale">>,
  s: Store = store(),
): Promise<PreviewSandbox | undefined> {
  const { previewSandboxes } = s.t;
  return s.one(s.db.update(previewSandboxes).set(change).where(eq(previewSandboxes.id, id)).returning());
}

export function previewOwnedBy(id: string, memberId: string, s: Store = store()): Promise<PreviewSandbox | undefined> {
  const { previewSandboxes } = s.t;
  return s.one(
    s.db
      .select()
      .from(previewSandboxes)
      .where(and(eq(previewSandboxes.id, id), eq(previewSandboxes.memberId, memberId))),
  );
}

export async function previewExists(id: string, s: Store = store()): Promise<boolean> {
  const { previewSandboxes } = s.t;
  return (await s.one(s.db.select({ id: previewSandboxes.id }).from(previewSandboxes).where(eq(previewSandboxes.id, id)))) !== undefined;
}

export async function previewIdsIdleSince(before: Date, s: Store = store()): Promise<string[]> {
  const { previewSandboxes } = s.t;
  const rows = await s.all(
    s.db.select({ id: previewSandboxes.id }).from(previewSandboxes).where(lt(previewSandboxes.lastActiveAt, before)),
  );
  return rows.map((row) => row.id);
}

export async function previewIds(s: Store = store()): Promise<string[]> {
  const { previewSandboxes } = s.t;
  return (await s.all(s.db.select({ id: previewSandboxes.id }).from(previewSandboxes))).map((row) => row.id);
}
