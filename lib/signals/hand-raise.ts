// A hand-raise is a person asking for the team ("Talk to a human"), so it counts once per raiser per window:
// the first in a window is stored with its live event for the team and its alert, in the same transaction;
// the rest are dropped, as a retried event is. It is never taken from a bot, from a visitor the team muted, or
// without a visitor cookie. The claim is a row keyed by the raiser (db/control/schema.ts handRaises), so it
// holds across requests in one group commit and across app nodes on one database, not per process.
// A visitor who sent GPC / Do-Not-Track is never linked to what they do, so their hand-raises are keyed by the
// demo instead: at most one anonymous hand-raise per demo per window is counted and alerted.
import "server-only";
import { eq, lt, lte } from "drizzle-orm";
import type { ControlDb } from "@/db/client";
import { demos, handRaises } from "@/db/control/schema";
import { visitorMuted } from "@/lib/conversations/conversations";
import { type PendingLive, storeLive } from "@/lib/live/hub";
import { enqueueAlert } from "@/lib/webhooks/enqueue";

/**
 * One hour: a rep acts on a hand-raise within it, and one raised again an hour later says the prospect is still
 * waiting. The score counts one anyway (lib/insights/score-weights.ts). Short enough that two anonymous visitors
 * of one demo are rarely folded into one, long enough that a loop of them alerts nobody more than once an hour.
 */
export const handRaiseWindowMs = 60 * 60_000;

export type HandRaiser = { key: string; visitorId: string | null; demoSlug: string | null };

type Sender = {
  /** The visitor the cookie names, linked or not; undefined without a valid cookie. */
  cookieVisitorId: string | undefined;
  /** The visitor the events are linked to; undefined for GPC / Do-Not-Track. */
  linkedVisitorId: string | undefined;
  /** The request's user agent, or the visitor's record, says bot. */
  bot: boolean;
};

/**
 * Who may raise a hand with this batch, for the event's demo, or undefined when nobody may: no cookie, a bot, a
 * muted visitor, or (for an anonymous raiser, keyed by it) a demo that does not exist.
 */
export function handRaiserOf(sender: Sender, demoSlug: string | null, db: Pick<ControlDb, "select">): HandRaiser | undefined {
  if (!sender.cookieVisitorId || sender.bot || visitorMuted(sender.cookieVisitorId, db)) return undefined;
  if (sender.linkedVisitorId) return { key: `visitor:${sender.linkedVisitorId}`, visitorId: sender.linkedVisitorId, demoSlug };
  const demo = demoSlug ? db.select({ slug: demos.slug }).from(demos).where(eq(demos.slug, demoSlug)).get() : undefined;
  return demo ? { key: `anonymous:${demo.slug}`, visitorId: null, demoSlug: demo.slug } : undefined;
}

/** Claims the raiser's hand-raise for the window starting `now`; false when one already counted within it. */
export function claimHandRaise(db: Pick<ControlDb, "insert">, raiser: HandRaiser, now: Date): boolean {
  const windowStart = new Date(now.getTime() - handRaiseWindowMs);
  // Inserted, or moved forward only when the last one is out of the window: one statement, so two claimants
  // racing (on PostgreSQL, a row lock) can never both win.
  const claimed = db
    .insert(handRaises)
    .values({ raiser: raiser.key, raisedAt: now })
    .onConflictDoUpdate({ target: handRaises.raiser, set: { raisedAt: now }, setWhere: lte(handRaises.raisedAt, windowStart) })
    .returning({ raiser: handRaises.raiser })
    .all();
  return claimed.length === 1;
}

/** The team's live event and the alert for a hand-raise that counted, inside the caller's transaction. */
export function tellTeamOfHandRaise(db: Pick<ControlDb, "insert" | "select">, raiser: HandRaiser, now: Date): void {
  const live: PendingLive = {
    topic: "team",
    type: "handraise",
    payload: { visitorId: raiser.visitorId, demo: raiser.demoSlug, at: now.getTime() },
  };
  storeLive(db, [live]);
  const who = raiser.visitorId ? "A prospect" : "An anonymous prospect (Do-Not-Track)";
  enqueueAlert(
    db,
    {
      kind: "handraise",
      text: `${who} raised a hand in ${raiser.demoSlug ?? "a demo"}`,
      data: { visitorId: raiser.visitorId, demo: raiser.demoSlug },
    },
    now,
  );
}

/** Forgets claims older than the window: they decide nothing any more. Returns how many. */
export function pruneHandRaises(now: Date, db: Pick<ControlDb, "delete">): number {
  return db
    .delete(handRaises)
    .where(lt(handRaises.raisedAt, new Date(now.getTime() - handRaiseWindowMs)))
    .run().changes;
}
