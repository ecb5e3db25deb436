// Share links, one verb each: create (for an account the rep owns or a new one), list with their visits,
// revoke. A link's visits are the people it brought who interacted (people.ts), never its raw openings.
import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { type ControlDb, controlDb } from "@/db/client";
import { accounts, type ShareLink, shareLinks, user, visitors } from "@/db/control/schema";
import { loadDemoPersonas } from "@/lib/accounts/demo-options";
import type { TeamSession } from "@/lib/auth/team-session";
import { newId } from "@/lib/sandbox/ids";
import { personalizationSchema } from "@/lib/sandbox/personalization";
import { AccountsError } from "./errors";
import { type NewShareLink, newShareLinkSchema } from "./link-input";
import { countsAsPerson } from "./people";
import { newShareToken } from "./share-token";

type Member = TeamSession["user"];

export function parseInput<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path[0];
  throw new AccountsError("invalid-input", issue?.message ?? "Check the form", typeof field === "string" ? field : undefined);
}

/** An account the member may change: their own, or any for an admin. Anything else reads as not found. */
export function accountTheyManage(accountId: string, member: Member, db: ControlDb = controlDb()) {
  const found = db.select().from(accounts).where(eq(accounts.id, accountId)).get();
  if (!found || (member.role !== "admin" && found.ownerUserId !== member.id)) {
    throw new AccountsError("not-found", "No account of yours has that id; pick one from your accounts", "accountId");
  }
  return found;
}

function accountFor(input: { accountId?: string; company?: string; domain?: string }, member: Member, db: ControlDb) {
  if (input.accountId) return accountTheyManage(input.accountId, member, db);
  if (!input.company) throw new AccountsError("invalid-input", "Give the company name the link is for", "company");
  // The same company typed again is the same account, so its links and people stay together.
  const existing = db
    .select()
    .from(accounts)
    .where(
      and(
        sql`lower(${accounts.name}) = lower(${input.company})`,
        member.role === "admin" ? undefined : eq(accounts.ownerUserId, member.id),
      ),
    )
    .get();
  if (existing) return existing;
  return db
    .insert(accounts)
    .values({ id: newId(), name: input.company, domain: input.domain ?? null, ownerUserId: member.id })
    .returning()
    .get();
}

export function createShareLink(input: NewShareLink | unknown, member: Member, db: ControlDb = controlDb()): ShareLink {
  const parsed = parseInput(newShareLinkSchema, input);
  const personas = loadDemoPersonas(parsed.demo, db);
  if (!personas) throw new AccountsError("invalid-input", `There is no demo "${parsed.demo}"; choose one from the list`, "demo");
  if (parsed.persona && !personas.includes(parsed.persona)) {
    throw new AccountsError("invalid-input", "That demo has no such role; choose one it offers, or none", "persona");
  }
  return db.transaction((tx) => {
    const account = accountFor(parsed, member, tx as unknown as ControlDb);
    // The name shown in the prospect's copy goes through the sandbox's own rules; a name they refuse
    // (too long, odd characters) simply leaves the demo's own workspace name.
    const company = personalizationSchema.shape.company.parse(parsed.workspaceName ?? account.name);
    if (parsed.workspaceName && !company) {
      throw new AccountsError("invalid-input", "Use letters, digits, spaces and & . , ' - only (up to 40)", "workspaceName");
    }
    const now = Date.now();
    return tx
      .insert(shareLinks)
      .values({
        token: newShareToken(),
        accountId: account.id,
        demoSlug: parsed.demo,
        persona: parsed.persona ?? null,
        personalization: company ? { company } : null,
        createdByUserId: member.id,
        createdAt: new Date(now),
        expiresAt: parsed.expiresInDays ? new Date(now + parsed.expiresInDays * 86_400_000) : null,
      })
      .returning()
      .get();
  });
}

export type ShareLinkState = "live" | "revoked" | "expired";

export function shareLinkState(link: Pick<ShareLink, "revokedAt" | "expiresAt">, now = new Date()): ShareLinkState {
  if (link.revokedAt) return "revoked";
  if (link.expiresAt && link.expiresAt.getTime() <= now.getTime()) return "expired";
  return "live";
}

const visitsOf = sql<number>`(select count(*) from ${visitors} where ${visitors.shareLinkToken} = ${shareLinks.token} and ${countsAsPerson})`;

/** Every link of the team (or of one account), newest first, with its interacting visitors. */
export function listShareLinks(options: { accountId?: string } = {}, db: ControlDb = controlDb(), now = new Date()) {
  return db
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
      visits: visitsOf,
    })
    .from(shareLinks)
    .innerJoin(accounts, eq(accounts.id, shareLinks.accountId))
    .leftJoin(user, eq(user.id, shareLinks.createdByUserId))
    .where(options.accountId ? eq(shareLinks.accountId, options.accountId) : undefined)
    .orderBy(desc(shareLinks.createdAt))
    .all()
    .map((row) => ({ ...row, state: shareLinkState(row, now) }));
}

export type ShareLinkListing = ReturnType<typeof listShareLinks>[number];

/** Whether the member may revoke: they made it, they own its account, or they are an admin. */
export function mayRevoke(link: Pick<ShareLinkListing, "createdByUserId" | "ownerUserId">, member: Pick<Member, "id" | "role">): boolean {
  return member.role === "admin" || link.createdByUserId === member.id || link.ownerUserId === member.id;
}

/** Revokes a link; prospects who open it afterwards still get the demo, unattributed. */
export function revokeShareLink(token: string, member: Member, db: ControlDb = controlDb()): void {
  const link = listShareLinks({}, db).find((candidate) => candidate.token === token);
  if (!link || !mayRevoke(link, member)) throw new AccountsError("not-found", "No link of yours has that token", "token");
  db.update(shareLinks)
    .set({ revokedAt: new Date() })
    .where(and(eq(shareLinks.token, token), sql`${shareLinks.revokedAt} is null`))
    .run();
}
