// A hand-raise is a person asking for the team ("Talk to a human"), so it counts once per raiser per window:
// the first in a window is stored with its live event for the team and its alert, in the same transaction;
// the rest are dropped, as a retried event is. It is never taken from a bot, from a visitor the team muted, or
// without a visitor cookie. The claim is a row keyed by the raiser (db/control/schema.ts handRaises), so it
// holds across requests in one group commit and across app nodes on one database, not per process.
// A visitor who sent GPC / Do-Not-Track is never linked to what they do, so their hand-raises are keyed by the
// demo instead: at most one anonymous hand-raise per demo per window is counted and alerted.
import "server-only";
import type { HandRaiser } from "@/db/queries/events";
import { claimHandRaiseWindow, deleteHandRaiseClaimsBefore } from "@/db/queries/hand-raises";
import type { Store } from "@/db/store";
import { type PendingLive, storeLive } from "@/lib/live/hub";
import { enqueueAlert } from "@/lib/webhooks/enqueue";

export type { HandRaiser } from "@/db/queries/events";

/**
 * One hour: a rep acts on a hand-raise within it, and one raised again an hour later says the prospect is still
 * waiting. The score counts one anyway (lib/insights/score-weights.ts). Short enough that two anonymous visitors
 * of one demo are rarely folded into one, long enough that a loop of them alerts nobody more than once an hour.
 */
export const handRaiseWindowMs = 60 * 60_000;

export type Sender = {
  /** The visitor the cookie names, when it names a stored visitor, linked or not. */
  cookieVisitorId: string | undefined;
  /** The visitor the events are linked to; undefined for GPC / Do-Not-Track. */
  linkedVisitorId: string | undefined;
  /** The request's user agent, or the visitor's record, says bot. */
  bot: boolean;
  /** The team muted the cookie's visitor. */
  muted: boolean;
};

/**
 * Who may raise a hand with this batch, for the event's demo, or undefined when nobody may: no cookie, a bot, a
 * muted visitor, or (for an anonymous raiser, keyed by it) a demo that does not exist.
 */
export function handRaiserOf(sender: Sender, demoSlug: string | null, demoExists: boolean): HandRaiser | undefined {
  if (!sender.cookieVisitorId || sender.bot || sender.muted) return undefined;
  if (sender.linkedVisitorId) return { key: `visitor:${sender.linkedVisitorId}`, visitorId: sender.linkedVisitorId, demoSlug };
  return demoSlug && demoExists ? { key: `anonymous:${demoSlug}`, visitorId: null, demoSlug } : undefined;
}

/** Claims the raiser's hand-raise for the window starting `now`; false when one already counted within it. */
export function claimHandRaise(raiser: HandRaiser, now: Date, tx: Store): Promise<boolean> {
  return claimHandRaiseWindow(raiser.key, now, new Date(now.getTime() - handRaiseWindowMs), tx);
}

/** The team's live event and the alert for a hand-raise that counted, inside the caller's transaction. */
export async function tellTeamOfHandRaise(tx: Store, raiser: HandRaiser, now: Date): Promise<void> {
  const live: PendingLive = {
    topic: "team",
    type: "handraise",
    payload: { visitorId: raiser.visitorId, demo: raiser.demoSlug, at: now.getTime() },
  };
  await storeLive(tx, [live]);
  const who = raiser.visitorId ? "A prospect" : "An anonymous prospect (Do-Not-Track)";
  await enqueueAlert(
    tx,
    {
      kind: "handraise",
      text: `${who} raised a hand in ${raiser.demoSlug ?? "a demo"}`,
      data: { visitorId: raiser.visitorId, demo: raiser.demoSlug },
    },
    now,
  );
}

/** Forgets claims older than the window: they decide nothing any more. Returns how many. */
export function pruneHandRaises(now: Date): Promise<number> {
  return deleteHandRaiseClaimsBefore(new Date(now.getTime() - handRaiseWindowMs));
}
