// What a journey page reads: a visitor's or an account's people, their latest events, scores, and where they
// came from.
import "server-only";
import { and, asc, desc, eq, gt, inArray } from "drizzle-orm";
import type { Account, AccountActivity, EventRow, Visitor, VisitorActivity } from "@/db/control/schema";
import { store } from "@/db/control-plane";
import type { Store } from "@/db/store";

export async function demoVersions(s: Store = store()): Promise<string> {
  const { demos } = s.t;
  return (await s.all(s.db.select({ slug: demos.slug, hash: demos.sourceHash }).from(demos)))
    .map((row) => `${row.slug}@${row.hash}`)
    .join(" ");
}

/** The account a share link names (its name), if the link still exists. */
export async function shareLinkAccountName(token: string, s: Store = store()): Promise<string | undefined> {
  const { shareLinks, accounts } = s.t;
  return (
    await s.one(
      s.db
        .select({ name: accounts.name })
        .from(shareLinks)
        .innerJoin(accounts, eq(accounts.id, shareLinks.accountId))
        .where(eq(shareLinks.token, token)),
    )
  )?.name;
}

/** The latest `limit` events of these visitors, newest first. */
export function latestEventsOf(visitorIds: string[], limit: number, s: Store = store()): Promise<EventRow[]> {
  const { events } = s.t;
  return s.all(
    s.db
      .select()
      .from(events)
      .where(visitorIds.length === 1 ? eq(events.visitorId, visitorIds[0] ?? "") : inArray(events.visitorId, visitorIds))
      .orderBy(desc(events.occurredAt), desc(events.id))
      .limit(limit),
  );
}

export function visitorActivityOf(visitorId: string, s: Store = store()): Promise<VisitorActivity | undefined> {
  const { visitorActivity } = s.t;
  return s.one(s.db.select().from(visitorActivity).where(eq(visitorActivity.visitorId, visitorId)));
}

export function accountActivityOf(accountId: string, s: Store = store()): Promise<AccountActivity | undefined> {
  const { accountActivity } = s.t;
  return s.one(s.db.select().from(accountActivity).where(eq(accountActivity.accountId, accountId)));
}

export function accountRow(accountId: string, s: Store = store()): Promise<Account | undefined> {
  const { accounts } = s.t;
  return s.one(s.db.select().from(accounts).where(eq(accounts.id, accountId)));
}

/** An account's people who interacted (not bots, not untracked), in order of first visit. */
export async function interactingPeopleOf(accountId: string, s: Store = store()): Promise<Visitor[]> {
  const { visitors, visitorActivity } = s.t;
  const rows = await s.all(
    s.db
      .select({ visitor: visitors })
      .from(visitors)
      .innerJoin(visitorActivity, eq(visitorActivity.visitorId, visitors.id))
      .where(
        and(
          eq(visitors.accountId, accountId),
          eq(visitors.doNotTrack, false),
          eq(visitors.bot, false),
          gt(visitorActivity.interactions, 0),
        ),
      )
      .orderBy(asc(visitors.createdAt)),
  );
  return rows.map((row) => row.visitor);
}
