// Managing the sales team: add, list, remove, rename, change a role or a password — for the CLI and the
// admin's team page alike (a member cannot rename themselves: lib/auth/served-endpoints.ts). Sign-up is disabled for the public, so members are written through better-auth's internal
// adapter; roles are Openhouse's own column, changed with single statements that keep at least one admin.
import "server-only";
import { z } from "zod";
import {
  deleteMemberKeepingAnAdmin,
  renameMember,
  settleNewMemberRole,
  teamMemberById,
  teamMembersByEmail,
  updateRoleKeepingAnAdmin,
} from "@/db/queries/team";
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
  await settleNewMemberRole(created.id, member.role ?? "rep");
  const row = await teamMemberById(created.id);
  if (!row) throw notFound(`the email ${member.email}`);
  return row;
}

export function listTeamMembers(): Promise<TeamMemberSummary[]> {
  return teamMembersByEmail();
}

export function findTeamMember(id: string): Promise<TeamMemberSummary | undefined> {
  return teamMemberById(id);
}

function lastAdmin(doing: string): TeamError {
  return new TeamError("last-admin", `That is the team's only admin: make someone else admin before you ${doing}`, "role");
}

/** Changes a member's role; refuses to leave the team without an admin. */
export async function changeTeamRole(userId: string, role: Role | unknown): Promise<TeamMemberSummary> {
  const parsedRole = parse(roleSchema, role);
  const existing = await teamMemberById(userId);
  if (!existing) throw notFound("that id");
  if (!(await updateRoleKeepingAnAdmin(userId, parsedRole))) throw lastAdmin("change their role");
  return { ...existing, role: parsedRole };
}

/** Renames a member, with the same rule as a name given when they were added. */
export async function renameTeamMember(userId: string, name: unknown): Promise<TeamMemberSummary> {
  const parsedName = parse(memberNameSchema, name);
  const renamed = await renameMember(userId, parsedName);
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
export async function changeTeamMember(userId: string, input: unknown): Promise<TeamMemberSummary> {
  const change = parse(memberChangeSchema, input);
  let member = change.name === undefined ? await findTeamMember(userId) : await renameTeamMember(userId, change.name);
  if (change.role !== undefined) member = await changeTeamRole(userId, change.role);
  if (!member) throw notFound("that id");
  return member;
}

/** Removes the member, their password and every session they have open; never the last admin. */
export async function removeTeamMemberById(userId: string): Promise<void> {
  if (!(await teamMemberById(userId))) throw notFound("that id");
  if (!(await deleteMemberKeepingAnAdmin(userId))) throw lastAdmin("remove them");
}

export async function removeTeamMember(email: string): Promise<void> {
  const { user: found } = await findByEmail(parse(emailSchema, email));
  await removeTeamMemberById(found.id);
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
