// Accounts (companies reps sell to), their share links, and who of their visitors counts as a person.
import "server-only";
import { and, asc, desc, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { Account, ShareLink } from "@/db/control/schema";
import { store } from "@/db/control-plane";
import type { Store } from "@/db/store";
import { interactionTypes } from "@/lib/signals/event-schema";

/**
 * A condition on a `visitors` row: a tracked person who really did something. Mail scanners and chat unfurlers
 * open links first, often with ordinary browser user agents; they count only once they interact — the same
 * event types the signals pipeline uses to tell a person from an automated browser.
 */
export function countsAsPerson(s: Store): SQL {
  const { visitors, events } = s.t;
  const no = s.sql.literal(false);
  const interactions = sql.join(
    interactionTypes.map((type) => sql`${type}`),
    sql`, `,
  );
  return sql`(${visitors.bot} = ${no} and ${visitors.doNotTrack} = ${no} and exists (select 1 from ${events} where ${events.visitorId} = ${visitors.id} and ${events.type} in (${interactions})))`;
}

/** Every account, most recently active first, with its people (interacting only) and links. */
export async function accountsByActivity(s: Store = store()) {
  const { accounts, visitors, shareLinks, user } = s.t;
  const ofAccount = sql`${visitors.accountId} = ${accounts.id}`;
  const person = countsAsPerson(s);
  const rows = await s.all(
    s.db
      .select({
        id: accounts.id,
        name: accounts.name,
        domain: accounts.domain,
        ownerUserId: accounts.ownerUserId,
        owner: user.name,
        createdAt: accounts.createdAt,
        people: sql<number>`(select count(*) from ${visitors} where ${ofAccount} and ${person})`,
        lastSeenAt: sql<number | null>`(select max(${visitors.lastSeenAt}) from ${visitors} where ${ofAccount} and ${person})`,
        links: sql<number>`(select count(*) from ${shareLinks} where ${shareLinks.accountId} = ${accounts.id})`,
      })
      .from(accounts)
      .leftJoin(user, eq(user.id, accounts.ownerUserId))
      .orderBy(desc(sql`coalesce((select max(${visitors.lastSeenAt}) from ${visitors} where ${ofAccount}), ${accounts.createdAt})`)),
  );
  return rows.map((row) => ({ ...row, lastSeenAt: row.lastSeenAt === null ? null : new Date(Number(row.lastSeenAt)) }));
}

export function accountWithOwner(accountId: string, s: Store = store()) {
  const { accounts, user } = s.t;
  return s.one(
    s.db
      .select({ id: accounts.id, name: accounts.name, domain: accounts.domain, ownerUserId: accounts.ownerUserId, owner: user.name })
      .from(accounts)
      .leftJoin(user, eq(user.id, accounts.ownerUserId))
      .where(eq(accounts.id, accountId)),
  );
}

export function accountById(accountId: string, s: Store = store()): Promise<Account | undefined> {
  const { accounts } = s.t;
  return s.one(s.db.select().from(accounts).where(eq(accounts.id, accountId)));
}

/** The account's people (interacting visitors) in order of first visit. */
export function peopleOfAccount(accountId: string, s: Store = store()) {
  const { visitors } = s.t;
  return s.all(
    s.db
      .select({
        id: visitors.id,
        createdAt: visitors.createdAt,
        lastSeenAt: visitors.lastSeenAt,
        browser: visitors.browser,
        os: visitors.os,
        device: visitors.device,
      })
      .from(visitors)
      .where(and(eq(visitors.accountId, accountId), countsAsPerson(s)))
      .orderBy(asc(visitors.createdAt), asc(visitors.id)),
  );
}

/** Visitors who opened the account's links without ever interacting (scanners, previews, closed tabs). */
export async function openedOnlyCount(accountId: string, s: Store = store()): Promise<number> {
  const { visitors } = s.t;
  const row = await s.one(
    s.db
      .select({ count: sql<number>`count(*)` })
      .from(visitors)
      .where(and(eq(visitors.accountId, accountId), sql`not ${countsAsPerson(s)}`)),
  );
  return row?.count ?? 0;
}

/** The sandboxes of these visitors, oldest first (their personalization says which role each took). */
export function sandboxPersonalizations(visitorIds: string[], s: Store = store()) {
  const { sandboxes } = s.t;
  if (visitorIds.length === 0) return Promise.resolve([]);
  return s.all(
    s.db
      .select({ visitorId: sandboxes.visitorId, personalization: sandboxes.personalization })
      .from(sandboxes)
      .where(inArray(sandboxes.visitorId, visitorIds))
      .orderBy(asc(sandboxes.createdAt)),
  );
}

/** The sandbox actions of these visitors, oldest first. */
export function sandboxActionsOf(visitorIds: string[], s: Store = store()) {
  const { events } = s.t;
  if (visitorIds.length === 0) return Promise.resolve([]);
  return s.all(
    s.db
      .select({ id: events.id, visitorId: events.visitorId, action: events.action, props: events.props, occurredAt: events.occurredAt })
      .from(events)
      .where(and(inArray(events.visitorId, visitorIds), eq(events.type, "sandbox.action")))
      .orderBy(asc(events.occurredAt), asc(events.id)),
  );
}

/** Team members by name (the roles that may own an account are filtered by the caller). */
export function membersByName(s: Store = store()) {
  const { user } = s.t;
  return s.all(s.db.select({ id: user.id, name: user.name, email: user.email, role: user.role }).from(user).orderBy(asc(user.name)));
}

export async function setAccountOwner(accountId: string, ownerUserId: string, s: Store = store()): Promise<void> {
  const { accounts } = s.t;
  await s.run(s.db.update(accounts).set({ ownerUserId }).where(eq(accounts.id, accountId)));
}

/** The same company typed again (any case) is the same account; a rep only finds their own. */
export function accountNamed(name: string, ownerUserId: string | undefined, s: Store = store()): Promise<Account | undefined> {
  const { accounts } = s.t;
  return s.one(
    s.db
      .select()
      .from(accounts)
      .where(
        and(sql`lower(${accounts.name}) = lower(${name})`, ownerUserId === undefined ? undefined : eq(accounts.ownerUserId, ownerUserId)),
      ),
  );
}

export async function insertAccount(row: Pick<Account, "id" | "name" | "domain" | "ownerUserId">, s: Store = store()): Promise<Account> {
  const inserted = await s.one(s.db.insert(s.t.accounts).values(row).returning());
  if (!inserted) throw new Error("The account was not stored");
  return inserted;
}

export async function accountOwnerOf(accountId: string, s: Store = store()): Promise<string | null | undefined> {
  const { accounts } = s.t;
  return (await s.one(s.db.select({ owner: accounts.ownerUserId }).from(accounts).where(eq(accounts.id, accountId))))?.owner;
}

export async function insertShareLink(
  row: typeof import("@/db/control/schema").shareLinks.$inferInsert,
  s: Store = store(),
): Promise<ShareLink> {
  const inserted = await s.one(s.db.insert(s.t.shareLinks).values(row).returning());
  if (!inserted) throw new Error("The share link was not stored");
  return inserted;
}

/** Every link (or one account's), newest first, with its account, maker and interacting visitors. */
export function shareLinksNewestFirst(accountId: string | undefined, s: Store = store()) {
  const { shareLinks, accounts, user, visitors } = s.t;
  const visits = sql<number>`(select count(*) from ${visitors} where ${visitors.shareLinkToken} = ${shareLinks.token} and ${countsAsPerson(s)})`;
  return s.all(
    s.db
      .select({
        token: shareLinks.token,
        accountId: shareLinks.accountId,
        accountName: accounts.name,
        ownerUserId: accounts.ownerUserId,
        demoSlug: shareLinks.demoSlug,
        persona: shareLinks.persona,
        createdBy: user.name,
        createdByUserId: shareLinks.createdByUserId,
        createdAt: shareLinks.createdAt,
        expiresAt: shareLinks.expiresAt,
        revokedAt: shareLinks.revokedAt,
        untrackedOpenings: shareLinks.untrackedOpenings,
        visits,
      })
      .from(shareLinks)
      .innerJoin(accounts, eq(accounts.id, shareLinks.accountId))
      .leftJoin(user, eq(user.id, shareLinks.createdByUserId))
      .where(accountId ? eq(shareLinks.accountId, accountId) : undefined)
      .orderBy(desc(shareLinks.createdAt)),
  );
}

export async function markShareLinkRevoked(token: string, at: Date, s: Store = store()): Promise<void> {
  const { shareLinks } = s.t;
  await s.run(
    s.db
      .update(shareLinks)
      .set({ revokedAt: at })
      .where(and(eq(shareLinks.token, token), isNull(shareLinks.revokedAt))),
  );
}

export function shareLinkByToken(token: string, s: Store = store()): Promise<ShareLink | undefined> {
  const { shareLinks } = s.t;
  return s.one(s.db.select().from(shareLinks).where(eq(shareLinks.token, token)));
}

export async function countUntrackedOpening(token: string, s: Store = store()): Promise<void> {
  const { shareLinks } = s.t;
  await s.run(
    s.db
      .update(shareLinks)
      .set({ untrackedOpenings: sql`${shareLinks.untrackedOpenings} + 1` })
      .where(eq(shareLinks.token, token)),
  );
}

/** Ties a visitor to an account unless one already holds them (the first link they opened wins). */
export async function attributeVisitor(visitorId: string, accountId: string, token: string, s: Store = store()): Promise<void> {
  const { visitors } = s.t;
  await s.run(
    s.db
      .update(visitors)
      .set({ accountId, shareLinkToken: token })
      .where(and(eq(visitors.id, visitorId), isNull(visitors.accountId))),
  );
}
