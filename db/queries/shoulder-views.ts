// The log of team members looking over a prospect's shoulder, and what such a look needs to find.
import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Sandbox, ShoulderView } from "@/db/control/schema";
import { store } from "@/db/control-plane";
import type { Store } from "@/db/store";
import { ownedOrJoinedBy } from "./shared-copies";

export function shoulderViewsOf(visitorId: string, limit: number, s: Store = store()) {
  const { shoulderViews, user } = s.t;
  return s.all(
    s.db
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
      .limit(limit),
  );
}

export async function insertShoulderView(
  row: Pick<ShoulderView, "id" | "visitorId" | "sandboxId" | "viewerUserId" | "viewerName">,
  s: Store = store(),
) {
  await s.run(s.db.insert(s.t.shoulderViews).values(row));
}

/** The visitor's most recently used live sandbox. */
export function latestLiveSandboxOf(visitorId: string, s: Store = store()): Promise<Sandbox | undefined> {
  const { sandboxes } = s.t;
  // Their own copies, and the shared copies they joined: a colleague's view is the copy they work in.
  return s.one(
    s.db
      .select()
      .from(sandboxes)
      .where(and(ownedOrJoinedBy(visitorId, s), eq(sandboxes.status, "live")))
      .orderBy(desc(sandboxes.lastActiveAt)),
  );
}
