// Shared copies: a copy's invite links, the people who joined it, and the one check of who may open a copy
// (its owner or one of its people). The rules — the cap, a link turned off — are lib/sandbox/shared-copies.ts's.
import "server-only";
import { and, asc, count, desc, eq, exists, inArray, isNotNull, isNull, or } from "drizzle-orm";
import type { Sandbox, SandboxInvite, SandboxMember } from "@/db/control/schema";
import { store } from "@/db/control-plane";
import type { Store } from "@/db/store";

/** The condition on `sandboxes` that a visitor owns the row or is one of its shared copy's people. */
export function ownedOrJoinedBy(visitorId: string, s: Store) {
  const { sandboxes, sandboxMembers } = s.t;
  const member = s.db
    .select({ one: sandboxMembers.number })
    .from(sandboxMembers)
    .where(and(eq(sandboxMembers.sandboxId, sandboxes.id), eq(sandboxMembers.visitorId, visitorId)));
  return or(eq(sandboxes.visitorId, visitorId), exists(member));
}

/** The sandbox if this visitor owns it or joined it; anyone else's reads as absent. */
export function sandboxOpenTo(id: string, visitorId: string, s: Store = store()): Promise<Sandbox | undefined> {
  const { sandboxes } = s.t;
  return s.one(
    s.db
      .select()
      .from(sandboxes)
      .where(and(eq(sandboxes.id, id), ownedOrJoinedBy(visitorId, s))),
  );
}

export function inviteByToken(token: string, s: Store = store()): Promise<SandboxInvite | undefined> {
  const { sandboxInvites } = s.t;
  return s.one(s.db.select().from(sandboxInvites).where(eq(sandboxInvites.token, token)));
}

/** The copy's link that is on, if any (there is at most one). */
export function liveInviteOf(sandboxId: string, s: Store = store()): Promise<SandboxInvite | undefined> {
  const { sandboxInvites } = s.t;
  return s.one(
    s.db
      .select()
      .from(sandboxInvites)
      .where(and(eq(sandboxInvites.sandboxId, sandboxId), isNull(sandboxInvites.revokedAt)))
      .orderBy(desc(sandboxInvites.createdAt)),
  );
}

export async function insertInvite(row: Pick<SandboxInvite, "token" | "sandboxId" | "createdByVisitorId">, tx: Store): Promise<void> {
  await tx.run(tx.db.insert(tx.t.sandboxInvites).values(row));
}

/** Turns every live link of the copy off; how many were on. */
export async function revokeInvitesOf(sandboxId: string, at: Date, tx: Store): Promise<number> {
  const { sandboxInvites } = tx.t;
  const revoked = await tx.all(
    tx.db
      .update(sandboxInvites)
      .set({ revokedAt: at })
      .where(and(eq(sandboxInvites.sandboxId, sandboxId), isNull(sandboxInvites.revokedAt)))
      .returning({ token: sandboxInvites.token }),
  );
  return revoked.length;
}

export type MemberRow = SandboxMember & { doNotTrack: boolean };

/** The copy's people in order of joining (the owner, number 0, first), with each one's privacy choice. */
export function membersOf(sandboxId: string, s: Store = store()): Promise<MemberRow[]> {
  const { sandboxMembers, visitors } = s.t;
  return s.all(
    s.db
      .select({
        sandboxId: sandboxMembers.sandboxId,
        visitorId: sandboxMembers.visitorId,
        number: sandboxMembers.number,
        invitedByVisitorId: sandboxMembers.invitedByVisitorId,
        inviteToken: sandboxMembers.inviteToken,
        displayName: sandboxMembers.displayName,
        joinedAt: sandboxMembers.joinedAt,
        doNotTrack: visitors.doNotTrack,
      })
      .from(sandboxMembers)
      .innerJoin(visitors, eq(visitors.id, sandboxMembers.visitorId))
      .where(eq(sandboxMembers.sandboxId, sandboxId))
      .orderBy(asc(sandboxMembers.number)),
  );
}

export async function memberCount(sandboxId: string, s: Store = store()): Promise<number> {
  const { sandboxMembers } = s.t;
  return (await s.one(s.db.select({ n: count() }).from(sandboxMembers).where(eq(sandboxMembers.sandboxId, sandboxId))))?.n ?? 0;
}

export function memberOf(sandboxId: string, visitorId: string, s: Store = store()): Promise<SandboxMember | undefined> {
  const { sandboxMembers } = s.t;
  return s.one(
    s.db
      .select()
      .from(sandboxMembers)
      .where(and(eq(sandboxMembers.sandboxId, sandboxId), eq(sandboxMembers.visitorId, visitorId))),
  );
}

/** The next person's number: one past the highest ever given in this copy. */
export async function nextMemberNumber(sandboxId: string, tx: Store): Promise<number> {
  const rows = await membersOf(sandboxId, tx);
  return rows.reduce((highest, row) => Math.max(highest, row.number), -1) + 1;
}

export async function insertMember(
  row: Pick<SandboxMember, "sandboxId" | "visitorId" | "number" | "invitedByVisitorId" | "inviteToken">,
  tx: Store,
): Promise<void> {
  await tx.run(tx.db.insert(tx.t.sandboxMembers).values(row).onConflictDoNothing());
}

/** The name a person of a copy typed for themselves (null: none); false when they are not one of its people. */
export async function setMemberName(
  sandboxId: string,
  visitorId: string,
  displayName: string | null,
  s: Store = store(),
): Promise<boolean> {
  const { sandboxMembers } = s.t;
  const updated = await s.all(
    s.db
      .update(sandboxMembers)
      .set({ displayName })
      .where(and(eq(sandboxMembers.sandboxId, sandboxId), eq(sandboxMembers.visitorId, visitorId)))
      .returning({ number: sandboxMembers.number }),
  );
  return updated.length > 0;
}

/** Every copy a visitor joined (not their own), with whoever invited them: the rep's "invited by". */
export function copiesJoinedBy(visitorIds: string[], s: Store = store()) {
  const { sandboxMembers } = s.t;
  if (visitorIds.length === 0) return Promise.resolve([]);
  return s.all(
    s.db
      .select({
        visitorId: sandboxMembers.visitorId,
        sandboxId: sandboxMembers.sandboxId,
        number: sandboxMembers.number,
        invitedByVisitorId: sandboxMembers.invitedByVisitorId,
      })
      .from(sandboxMembers)
      // The owner's own row (no inviter) is not a joining.
      .where(and(inArray(sandboxMembers.visitorId, visitorIds), isNotNull(sandboxMembers.invitedByVisitorId))),
  );
}

/** Ties a visitor to an account unless they already have one (the first tie wins, as with share links). */
export async function attributeToAccount(visitorId: string, accountId: string, shareLinkToken: string | null, tx: Store): Promise<void> {
  const { visitors } = tx.t;
  await tx.run(
    tx.db
      .update(visitors)
      .set({ accountId, shareLinkToken })
      .where(and(eq(visitors.id, visitorId), isNull(visitors.accountId))),
  );
}

/** The group a shared copy made for itself, if it has one. */
export function accountOfCopy(sandboxId: string, s: Store = store()) {
  const { accounts } = s.t;
  return s.one(s.db.select().from(accounts).where(eq(accounts.sandboxId, sandboxId)));
}

export async function insertCopyAccount(row: { id: string; name: string; sandboxId: string }, tx: Store): Promise<void> {
  await tx.run(tx.db.insert(tx.t.accounts).values(row));
}

/** The copies a visitor is one of the people of (their own shared ones included). */
export async function copiesOfVisitor(visitorId: string, s: Store = store()): Promise<string[]> {
  const { sandboxMembers } = s.t;
  const rows = await s.all(
    s.db.select({ sandboxId: sandboxMembers.sandboxId }).from(sandboxMembers).where(eq(sandboxMembers.visitorId, visitorId)),
  );
  return rows.map((row) => row.sandboxId);
}
