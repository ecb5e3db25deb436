// Visitor rows: an anonymous id from the functional cookie, how they arrived, their coarse client class, and
// whether they asked not to be tracked.
import "server-only";
import { eq } from "drizzle-orm";
import type { Visitor } from "@/db/control/schema";
import { store } from "@/db/control-plane";
import type { Store } from "@/db/store";

type Arrival = Partial<Pick<Visitor, "source" | "browser" | "os" | "device" | "bot" | "doNotTrack">>;

/**
 * Creates the visitor on their first arrival (the cookie may predate a wiped database) or marks them seen;
 * the latest arrival's privacy choice wins, and a visitor once found automated stays so.
 */
export async function upsertVisitorArrival(
  visitorId: string,
  at: Date,
  arrival: Arrival,
  updateClient: boolean,
  s: Store = store(),
): Promise<void> {
  const { visitors } = s.t;
  await s.run(
    s.db
      .insert(visitors)
      .values({ id: visitorId, lastSeenAt: at, ...arrival })
      .onConflictDoUpdate({
        target: visitors.id,
        set: {
          lastSeenAt: at,
          ...(arrival.bot ? { bot: true } : {}),
          ...(updateClient ? { doNotTrack: arrival.doNotTrack ?? false } : {}),
        },
      }),
  );
}

export function visitorById(id: string, s: Store = store()): Promise<Visitor | undefined> {
  const { visitors } = s.t;
  return s.one(s.db.select().from(visitors).where(eq(visitors.id, id)));
}
