// Team members as Openhouse reads them (better-auth owns their credentials and sessions), and the one rule
// that keeps a team manageable: a change that would leave it without an admin changes nothing.
import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { store } from "@/db/control-plane";
import type { Store } from "@/db/store";
import type { Role } from "@/lib/auth/roles";

export type TeamMemberRow = { id: string; email: string; name: string; role: Role; createdAt: Date };

const summary = (s: Store) => {
  const { user } = s.t;
  return { id: user.id, email: user.email, name: user.name, role: user.role, createdAt: user.createdAt };
};

export function teamMembersByEmail(s: Store = store()): Promise<TeamMemberRow[]> {
  return s.all(s.db.select(summary(s)).from(s.t.user).orderBy(asc(s.t.user.email)));
}

export function teamMemberById(id: string, s: Store = store()): Promise<TeamMemberRow | undefined> {
  return s.one(s.db.select(summary(s)).from(s.t.user).where(eq(s.t.user.id, id)));
}

/** Renames a member; the renamed member, or undefined when there is none with that id. */
export function renameMember(id: string, name: string, s: Store = store()): Promise<TeamMemberRow | undefined> {
  const { user } = s.t;
  return s.one(s.db.update(user).set({ name, updatedAt: new Date() }).where(eq(user.id, id)).returning(summary(s)));
}

export async function roleOfMember(id: string, s: Store = store()): Promise<Role | undefined> {
  const { user } = s.t;
  return (await s.one(s.db.select({ role: user.role }).from(user).where(eq(user.id, id))))?.role;
}

/** The first member of an empty team becomes admin whatever was asked: otherwise nobody could manage it. */
export async function settleNewMemberRole(id: string, asked: Role, s: Store = store()): Promise<void> {
  const { user } = s.t;
  await s.run(
    s.db
      .update(user)
      .set({ role: sql`case when (select count(*) from ${user}) = 1 then 'admin' else ${asked} end` })
      .where(eq(user.id, id)),
  );
}

/** Another admin still exists besides `userId`: checked inside the same statement as the change. */
const anotherAdminExists = (s: Store, userId: string) =>
  sql`exists (select 1 from ${s.t.user} as others where others.role = 'admin' and others.id != ${userId})`;

/** Sets a role unless that leaves no admin; false when it would (nothing changed). */
export async function updateRoleKeepingAnAdmin(userId: string, role: Role, s: Store = store()): Promise<boolean> {
  const { user } = s.t;
  const changed = await s.run(
    s.db
      .update(user)
      .set({ role, updatedAt: new Date() })
      .where(and(eq(user.id, userId), role === "admin" ? undefined : sql`(${user.role} != 'admin' or ${anotherAdminExists(s, userId)})`)),
  );
  return changed > 0;
}

/**
 * Deletes a member (their sessions and credentials go with them: ON DELETE CASCADE) unless they are the last
 * admin; false when they are (nothing deleted).
 */
export async function deleteMemberKeepingAnAdmin(userId: string, s: Store = store()): Promise<boolean> {
  const { user } = s.t;
  const removed = await s.run(
    s.db.delete(user).where(and(eq(user.id, userId), sql`(${user.role} != 'admin' or ${anotherAdminExists(s, userId)})`)),
  );
  return removed > 0;
}

/** A member's current name (what logs and prospects read), or undefined for a removed member. */
export async function memberName(id: string, s: Store = store()): Promise<string | undefined> {
  const { user } = s.t;
  return (await s.one(s.db.select({ name: user.name }).from(user).where(eq(user.id, id))))?.name;
}
