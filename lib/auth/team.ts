// Managing the sales team's accounts from the server (the CLI): add, list, remove, reset a password.
// Sign-up is disabled for the public, so members are written through better-auth's internal adapter.
import "server-only";
import type { z } from "zod";
import { auth } from "@/lib/auth/auth";
import { emailSchema, type NewTeamMember, newTeamMemberSchema, passwordSchema } from "@/lib/auth/credentials";

export type TeamErrorCode = "invalid-input" | "duplicate" | "not-found";

/** A failure a person can fix; `message` says what went wrong and what to do, and never holds a password. */
export class TeamError extends Error {
  constructor(
    readonly code: TeamErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "TeamError";
  }
}

export type TeamMemberSummary = { email: string; name: string; createdAt: Date };

function parse<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const result = schema.safeParse(input);
  if (!result.success) throw new TeamError("invalid-input", result.error.issues.map((issue) => issue.message).join("; "));
  return result.data;
}

async function context() {
  return auth().$context;
}

async function findByEmail(email: string) {
  const ctx = await context();
  const found = await ctx.internalAdapter.findUserByEmail(email);
  if (!found) throw new TeamError("not-found", `No team member has the email ${email}; see them with "npm run team -- list"`);
  return { ctx, user: found.user };
}

export async function addTeamMember(input: NewTeamMember): Promise<TeamMemberSummary> {
  const member = parse(newTeamMemberSchema, input);
  const ctx = await context();
  const duplicate = () => new TeamError("duplicate", `${member.email} is already a team member; use "passwd" to change the password`);
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
  return { email: created.email, name: created.name, createdAt: created.createdAt };
}

export async function listTeamMembers(): Promise<TeamMemberSummary[]> {
  const ctx = await context();
  const users = await ctx.internalAdapter.listUsers(undefined, undefined, { field: "email", direction: "asc" });
  return users.map((user) => ({ email: user.email, name: user.name, createdAt: user.createdAt }));
}

/** Removes the member, their password and every session they have open. */
export async function removeTeamMember(email: string): Promise<void> {
  const { ctx, user } = await findByEmail(parse(emailSchema, email));
  await ctx.internalAdapter.deleteUser(user.id);
}

/** Replaces the password and signs the member out everywhere, since a reset usually follows a leak. */
export async function setPassword(email: string, password: string): Promise<void> {
  const { ctx, user } = await findByEmail(parse(emailSchema, email));
  const hash = await ctx.password.hash(parse(passwordSchema, password));
  const credential = await ctx.internalAdapter.findCredentialAccount(user.id);
  if (credential) await ctx.internalAdapter.updatePassword(user.id, hash);
  else await ctx.internalAdapter.linkAccount({ userId: user.id, providerId: "credential", accountId: user.id, password: hash });
  await ctx.internalAdapter.deleteUserSessions(user.id);
}
