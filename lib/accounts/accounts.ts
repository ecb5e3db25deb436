// What a rep reads about accounts: the list with their people, and one account with its buying committee
// ("Visitor 1, 2, 3 …" in order of first visit) found from forwarded links — never from a form.
import "server-only";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { type ControlDb, controlDb } from "@/db/client";
import { accounts, events, sandboxes, shareLinks, user, visitors } from "@/db/control/schema";
import { mayUse } from "@/lib/auth/roles";
import type { TeamSession } from "@/lib/auth/team-session";
import { personaLabels } from "@/lib/demos/personas";
import { describeAction } from "@/lib/insights/describe-action";
import { isWellFormedId } from "@/lib/sandbox/ids";
import { storedPersonalization } from "@/lib/sandbox/personalization";
import { AccountsError } from "./errors";
import { countsAsPerson } from "./people";
import { listShareLinks } from "./share-links";

const ofAccount = sql`${visitors.accountId} = ${accounts.id}`;

/** Every account, most recently active first, with its people (interacting only) and links. */
export function listAccounts(db: ControlDb = controlDb()) {
  return db
    .select({
      id: accounts.id,
      name: accounts.name,
      domain: accounts.domain,
      ownerUserId: accounts.ownerUserId,
      owner: user.name,
      createdAt: accounts.createdAt,
      people: sql<number>`(select count(*) from ${visitors} where ${ofAccount} and ${countsAsPerson})`,
      lastSeenAt: sql<number | null>`(select max(${visitors.lastSeenAt}) from ${visitors} where ${ofAccount} and ${countsAsPerson})`,
      links: sql<number>`(select count(*) from ${shareLinks} where ${shareLinks.accountId} = ${accounts.id})`,
    })
    .from(accounts)
    .leftJoin(user, eq(user.id, accounts.ownerUserId))
    .orderBy(desc(sql`coalesce((select max(${visitors.lastSeenAt}) from ${visitors} where ${ofAccount}), ${accounts.createdAt})`))
    .all()
    .map((row) => ({ ...row, lastSeenAt: row.lastSeenAt === null ? null : new Date(row.lastSeenAt) }));
}

export type AccountPerson = {
  number: number;
  visitorId: string;
  firstSeenAt: Date;
  lastSeenAt: Date;
  client: string;
  persona: string | undefined;
  actions: { id: string; at: Date; sentence: string }[];
};

/** Everything on an account's page, or undefined for an id that is not an account's (made up or malformed). */
export function accountDetail(accountId: string, db: ControlDb = controlDb()) {
  if (!isWellFormedId(accountId)) return undefined;
  const account = db
    .select({ id: accounts.id, name: accounts.name, domain: accounts.domain, ownerUserId: accounts.ownerUserId, owner: user.name })
    .from(accounts)
    .leftJoin(user, eq(user.id, accounts.ownerUserId))
    .where(eq(accounts.id, accountId))
    .get();
  if (!account) return undefined;
  const rows = db
    .select({
      id: visitors.id,
      createdAt: visitors.createdAt,
      lastSeenAt: visitors.lastSeenAt,
      browser: visitors.browser,
      os: visitors.os,
      device: visitors.device,
    })
    .from(visitors)
    .where(and(eq(visitors.accountId, accountId), countsAsPerson))
    .orderBy(asc(visitors.createdAt), asc(visitors.id))
    .all();
  const ids = rows.map((row) => row.id);
  const personas = new Map<string, string>();
  const actions = new Map<string, AccountPerson["actions"]>();
  if (ids.length > 0) {
    for (const sandbox of db
      .select({ visitorId: sandboxes.visitorId, personalization: sandboxes.personalization })
      .from(sandboxes)
      .where(inArray(sandboxes.visitorId, ids))
      .orderBy(asc(sandboxes.createdAt))
      .all()) {
      const persona = storedPersonalization(sandbox.personalization)?.persona;
      if (persona) personas.set(sandbox.visitorId, personaLabels[persona]); // the latest sandbox's role wins
    }
    for (const event of db
      .select({ id: events.id, visitorId: events.visitorId, action: events.action, props: events.props, occurredAt: events.occurredAt })
      .from(events)
      .where(and(inArray(events.visitorId, ids), eq(events.type, "sandbox.action")))
      .orderBy(asc(events.occurredAt), asc(events.id))
      .all()) {
      if (!event.visitorId) continue;
      const list = actions.get(event.visitorId) ?? [];
      list.push({ id: event.id, at: event.occurredAt, sentence: describeAction(event.action, event.props ?? {}) });
      actions.set(event.visitorId, list);
    }
  }
  const people: AccountPerson[] = rows.map((row, index) => ({
    number: index + 1,
    visitorId: row.id,
    firstSeenAt: row.createdAt,
    lastSeenAt: row.lastSeenAt,
    client: [row.browser, row.os, row.device].filter(Boolean).join(" · "),
    persona: personas.get(row.id),
    actions: actions.get(row.id) ?? [],
  }));
  const links = listShareLinks({ accountId }, db);
  // Openings that never interacted: mail scanners, link previews, someone who closed the tab at once.
  const openedOnly =
    db
      .select({ count: sql<number>`count(*)` })
      .from(visitors)
      .where(and(eq(visitors.accountId, accountId), sql`not ${countsAsPerson}`))
      .get()?.count ?? 0;
  const untracked = links.reduce((sum, link) => sum + link.untrackedOpenings, 0);
  return { account, people, links, openedOnly, untracked };
}

export type AccountDetail = NonNullable<ReturnType<typeof accountDetail>>;

/** The members who may own an account: those whose role may use the sales workspace. */
export function possibleOwners(db: ControlDb = controlDb()) {
  return db
    .select({ id: user.id, name: user.name, email: user.email, role: user.role })
    .from(user)
    .orderBy(asc(user.name))
    .all()
    .filter((member) => mayUse(member.role, "sales"));
}

/** Admins reassign an account to another rep; nobody else may. */
export function reassignAccount(accountId: string, ownerUserId: unknown, member: TeamSession["user"], db: ControlDb = controlDb()): void {
  if (member.role !== "admin") throw new AccountsError("not-allowed", "Only an admin can change who owns an account", "ownerUserId");
  if (!isWellFormedId(accountId) || !db.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, accountId)).get()) {
    throw new AccountsError("not-found", "No account has that id", "accountId");
  }
  const owner = typeof ownerUserId === "string" ? possibleOwners(db).find((candidate) => candidate.id === ownerUserId) : undefined;
  if (!owner) throw new AccountsError("invalid-input", "Choose the new owner from the team's admins and reps", "ownerUserId");
  db.update(accounts).set({ ownerUserId: owner.id }).where(eq(accounts.id, accountId)).run();
}
