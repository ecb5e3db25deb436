// "Look over their shoulder": a prospect's sandbox as it is now, read-only, in a team member's session. No
// prospect cookie is involved, every opening is logged (who, which visitor, when), and a visitor who sent
// GPC or Do-Not-Track is never viewable.
import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { type ControlDb, controlDb } from "@/db/client";
import { sandboxes, shoulderViews, user, visitors } from "@/db/control/schema";
import type { TeamSession } from "@/lib/auth/team-session";
import { searchCompanies } from "@/lib/pipeline/companies";
import { searchContacts } from "@/lib/pipeline/contacts";
import { loadBoard } from "@/lib/pipeline/pipeline";
import { isWellFormedId, newId } from "@/lib/sandbox/ids";
import { workspaceFor } from "@/lib/sandbox/personalization";
import { openReadOnlySandbox } from "./read-only-sandbox";

export type ShoulderViewLog = { viewerName: string; openedAt: Date }[];

export type ShoulderView =
  | { kind: "not-found" }
  | { kind: "private" }
  | { kind: "no-sandbox"; log: ShoulderViewLog }
  | {
      kind: "open";
      sandboxId: string;
      demoSlug: string;
      workspace: string;
      board: ReturnType<typeof loadBoard>;
      companies: ReturnType<typeof searchCompanies>;
      contacts: ReturnType<typeof searchContacts>;
      log: ShoulderViewLog;
    };

export function shoulderViewLog(visitorId: string, db: ControlDb = controlDb()): ShoulderViewLog {
  return db
    .select({
      // Who looked, by their id: the name they have now. The name copied at the time stands in only for a
      // member who has since been removed (the id is then null).
      viewerName: sql<string>`coalesce(${user.name}, ${shoulderViews.viewerName})`,
      openedAt: shoulderViews.openedAt,
    })
    .from(shoulderViews)
    .leftJoin(user, eq(user.id, shoulderViews.viewerUserId))
    .where(eq(shoulderViews.visitorId, visitorId))
    .orderBy(desc(shoulderViews.openedAt), desc(shoulderViews.id))
    .limit(50)
    .all();
}

/** Opens (and logs) the view of the visitor's most recently used live sandbox. */
export function openShoulderView(visitorId: string, viewer: TeamSession["user"], db: ControlDb = controlDb()): ShoulderView {
  if (!isWellFormedId(visitorId)) return { kind: "not-found" };
  const visitor = db.select({ id: visitors.id, doNotTrack: visitors.doNotTrack }).from(visitors).where(eq(visitors.id, visitorId)).get();
  if (!visitor) return { kind: "not-found" };
  if (visitor.doNotTrack) return { kind: "private" };
  const sandbox = db
    .select()
    .from(sandboxes)
    .where(and(eq(sandboxes.visitorId, visitorId), eq(sandboxes.status, "live")))
    .orderBy(desc(sandboxes.lastActiveAt))
    .get();
  const opened = sandbox ? openReadOnlySandbox(sandbox.id) : undefined;
  if (!sandbox || !opened) return { kind: "no-sandbox", log: shoulderViewLog(visitorId, db) };
  try {
    const view = {
      kind: "open" as const,
      sandboxId: sandbox.id,
      demoSlug: sandbox.demoSlug,
      workspace: workspaceFor(sandbox, opened.db),
      board: loadBoard(opened.db),
      companies: searchCompanies(opened.db, ""),
      contacts: searchContacts(opened.db, ""),
    };
    db.insert(shoulderViews)
      .values({ id: newId(), visitorId, sandboxId: sandbox.id, viewerUserId: viewer.id, viewerName: viewer.name })
      .run();
    return { ...view, log: shoulderViewLog(visitorId, db) };
  } finally {
    opened.close();
  }
}
