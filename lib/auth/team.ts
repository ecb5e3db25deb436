// Managing the sales team: add, list, remove, rename, change a role or a password — for the CLI and the
// admin's team page alike (a member cannot rename themselves: lib/auth/served-endpoints.ts). Sign-up is disabled for the public, so members are written through better-auth's internal
// adapter; roles are Openhouse's own column, changed with single statements that keep at least one admin.
import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { controlDb } from "@/db/client";
import { user } from "@/db/control/schema";
import { auth } from "@/lib/auth/auth";
import { emailSchema, memberNameSchema, type NewTeamMember, newTeamMemberSchema, passwordSchema, roleSchema } from "@/lib/auth/credentials";
import type { Role } from "@/lib/auth/roles";

export type TeamErrorCode = "invalid-input" | "duplicate" | "not-found" | "last-admin";

/** A failure a person can fix; `message` says what went wrong and what to do, and never holds a password. */
export class TeamError extends Error {
  constructor(
    readonly code: TeamErrorCode,
    message: string,
    /** The input field the message is about, for forms that show it beside that field. */
    readonly field?: string,
  ) {
    super(message);
    this.name = "TeamError";
  }
}

export type TeamMemberSummary = { id: string; email: string; name: string; role: Role; createdAt: Date };

function parse<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const field = result.error.issues[0]?.path[0];
    throw new TeamError(
      "invalid-input",
      result.error.issues.map((issue) => issue.message).join("; "),
      typeof field === "string" ? field : undefined,
    );
  }
  return result.data;
}

async function context() {
  return auth().$context;
}

const summaryColumns = { id: user.id, email: user.email, name: user.name, role: user.role, createdAt: user.createdAt };

function notFound(what: string): TeamError {
  return new TeamError("not-found", `No team member has ${what}; see them with "npm run team -- list" or on the team page`);
}

async function findByEmail(email: string) {
  const ctx = await context();
  const found = await ctx.internalAdapter.findUserByEmail(email);
  if (!found) throw notFound(`the email ${email}`);
  return { ctx, user: found.user };
}

/** `input` is parsed here (CLI flags and JSON bodies alike), so any value may be passed. */
export async function addTeamMember(input: NewTeamMember | Record<string, unknown>): Promise<TeamMemberSummary> {
  const member = parse(newTeamMemberSchema, input);
  const ctx = await context();
  const duplicate = () =>
    new TeamError("duplicate", `${member.email} is already a team member; use "passwd" to change the password`, "email");
  if (await ctx.internalAdapter.findUserByEmail(member.email)) throw duplicate();
  const hash = await ctx.password.hash(member.password);
  let created: Awaited<ReturnType<typeof ctx.internalAdapter.createUser>>;
  try {
    created = await ctx.internalAdapter.createUser(
      { email: member.email, name: member.name || member.email.split("@")[0] || member.email, emailVerified: true },
      { method: "email-password" },
    );
  } catch (error) {
    // Two adds racing past the check above: the unique index on email decides.
    if (await ctx.internalAdapter.findUserByEmail(member.email)) throw duplicate();
    throw error;
  }
  try {
    await ctx.internalAdapter.linkAccount({ userId: created.id, providerId: "credential", accountId: created.id, password: hash });
  } catch (error) {
    // A user without a credential account could never sign in, and would block a retry as "duplicate".
    await ctx.internalAdapter.deleteUser(created.id);
    throw error;
  }
  // The first member of an empty team becomes admin whatever was asked: otherwise nobody could manage it.
  const db = controlDb();
  db.update(user)
    .set({ role: sql`case when (select count(*) from ${user}) = 1 then 'admin' else ${member.role ?? "rep"} end` })
    .where(eq(user.id, created.id))
    .run();
  const row = db.select(summaryColumns).from(user).where(eq(user.id, created.id)).get();
  if (!row) throw notFound(`the email ${member.email}`);
  return row;
}

export async function listTeamMembers(): Promise<TeamMemberSummary[]> {
  return controlDb().select(summaryColumns).from(user).orderBy(asc(user.email)).all();
}

export function findTeamMember(id: string): TeamMemberSummary | undefined {
  return controlDb().select(summaryColumns).from(user).where(eq(user.id, id)).get();
}

/** Another admin still exists besides `userId`: checked inside the same statement as the change. */
const anotherAdminExists = (userId: string) =>
  sql`exists (select 1 from ${user} as others where others.role = 'admin' and others.id != ${userId})`;

function lastAdmin(doing: string): TeamError {
  return new TeamError("last-admin", `That is the team's only admin: make someone else admin before you ${doing}`, "role");
}

/** Changes a member's role; refuses to leave the team without an admin. */
export function changeTeamRole(userId: string, role: Role | unknown): TeamMemberSummary {
  const parsedRole = parse(roleSchema, role);
  const db = controlDb();
  const existing = db.select(summaryColumns).from(user).where(eq(user.id, userId)).get();
  if (!existing) throw notFound("that id");
  const changed = db
    .update(user)
    .set({ role: parsedRole, updatedAt: new Date() })
    .where(and(eq(user.id, userId), parsedRole === "admin" ? undefined : sql`(${user.role} != 'admin' or ${anotherAdminExists(userId)})`))
    .run();
  if (changed.changes === 0) throw lastAdmin("change their role");
  return { ...existing, role: parsedRole };
}

/** Renames a member, with the same rule as a name given when they were added. */
export function renameTeamMember(userId: string, name: unknown): TeamMemberSummary {
  const parsedName = parse(memberNameSchema, name);
  const renamed = controlDb()
    .update(user)
    .set({ name: parsedName, updatedAt: new Date() })
    .where(eq(user.id, userId))
    .returning(summaryColumns)
    .get();
  if (!renamed) throw notFound("that id");
  return renamed;
}

export async function renameTeamMemberByEmail(email: string, name: unknown): Promise<TeamMemberSummary> {
  const { user: found } = await findByEmail(parse(emailSchema, email));
  return renameTeamMember(found.id, name);
}

const memberChangeSchema = z
  .strictObject(
    { name: z.unknown().optional(), role: z.unknown().optional() },
    { error: (issue) => (issue.code === "unrecognized_keys" ? "Only a member's name and role can be changed here" : "Send a JSON object") },
  )
  .refine((change) => change.name !== undefined || change.role !== undefined, { error: "Send a new name or role" });

/** The team page's change to one member: `{name}` or `{role}` (or both), each checked as on its own. */
export function changeTeamMember(userId: string, input: unknown): TeamMemberSummary {
  const change = parse(memberChangeSchema, input);
  let member = change.name === undefined ? findTeamMember(userId) : renameTeamMember(userId, change.name);
  if (change.role !== undefined) member = changeTeamRole(userId, change.role);
  if (!member) throw notFound("that id");
  return member;
}

/** Removes the member, their password and every session they have open; never the last admin. */
export function removeTeamMemberById(userId: string): void {
  const db = controlDb();
  if (!db.select({ id: user.id }).from(user).where(eq(user.id, userId)).get()) throw notFound("that id");
  // session and account rows go with the user (ON DELETE CASCADE; foreign keys are on, see db/sqlite.ts).
  const removed = db
    .delete(user)
    .where(and(eq(user.id, userId), sql`(${user.role} != 'admin' or ${anotherAdminExists(userId)})`))
    .run();
  if (removed.changes === 0) throw lastAdmin("remove them");
}

export async function removeTeamMember(email: string): Promise<void> {
  const { user: found } = await findByEmail(parse(emailSchema, email));
  removeTeamMemberById(found.id);
}

export async function setTeamRole(email: string, role: string): Promise<TeamMemberSummary> {
  const parsedRole = parse(roleSchema, role);
  const { user: found } = await findByEmail(parse(emailSchema, email));
  return changeTeamRole(found.id, parsedRole);
}

/** Replaces the password and signs the member out everywhere, since a reset usually follows a leak. */
export async function setPassword(email: string, password: string): Promise<void> {
  const { ctx, user: found } = await findByEmail(parse(emailSchema, email));
  const hash = await ctx.password.hash(parse(passwordSchema, password));
  const credential = await ctx.internalAdapter.findCredentialAccount(found.id);
  if (credential) await ctx.internalAdapter.updatePassword(found.id, hash);
  else await ctx.internalAdapter.linkAccount({ userId: found.id, providerId: "credential", accountId: found.id, password: hash });
  await ctx.internalAdapter.deleteUserSessions(found.id);
}
