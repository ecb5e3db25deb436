// Share links, one verb each: create (for an account the rep owns or a new one), list with their visits,
// revoke. A link's visits are the people it brought who interacted (people.ts), never its raw openings.
import "server-only";
import type { z } from "zod";
import type { ShareLink } from "@/db/control/schema";
import { store } from "@/db/control-plane";
import {
  accountById,
  accountNamed,
  insertAccount,
  insertShareLink,
  markShareLinkRevoked,
  shareLinksNewestFirst,
} from "@/db/queries/accounts";
import type { Store } from "@/db/store";
import { loadDemoPersonas } from "@/lib/accounts/demo-options";
import type { TeamSession } from "@/lib/auth/team-session";
import { newId } from "@/lib/sandbox/ids";
import { personalizationSchema } from "@/lib/sandbox/personalization";
import { AccountsError } from "./errors";
import { type NewShareLink, newShareLinkSchema } from "./link-input";
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
export async function accountTheyManage(accountId: string, member: Member, s?: Store) {
  const found = await accountById(accountId, s);
  if (!found || (member.role !== "admin" && found.ownerUserId !== member.id)) {
    throw new AccountsError("not-found", "No account of yours has that id; pick one from your accounts", "accountId");
  }
  return found;
}

async function accountFor(input: { accountId?: string; company?: string; domain?: string }, member: Member, tx: Store) {
  if (input.accountId) return accountTheyManage(input.accountId, member, tx);
  if (!input.company) throw new AccountsError("invalid-input", "Give the company name the link is for", "company");
  // The same company typed again is the same account, so its links and people stay together.
  const existing = await accountNamed(input.company, member.role === "admin" ? undefined : member.id, tx);
  if (existing) return existing;
  return insertAccount({ id: newId(), name: input.company, domain: input.domain ?? null, ownerUserId: member.id }, tx);
}

export async function createShareLink(input: NewShareLink | unknown, member: Member): Promise<ShareLink> {
  const parsed = parseInput(newShareLinkSchema, input);
  const personas = await loadDemoPersonas(parsed.demo);
  if (!personas) throw new AccountsError("invalid-input", `There is no demo "${parsed.demo}"; choose one from the list`, "demo");
  if (parsed.persona && !personas.includes(parsed.persona)) {
    throw new AccountsError("invalid-input", "That demo has no such role; choose one it offers, or none", "persona");
  }
  return store().transaction(async (tx) => {
    const account = await accountFor(parsed, member, tx);
    // The name shown in the prospect's copy goes through the sandbox's own rules; a name they refuse
    // (too long, odd characters) simply leaves the demo's own workspace name.
    const company = personalizationSchema.shape.company.parse(parsed.workspaceName ?? account.name);
    if (parsed.workspaceName && !company) {
      throw new AccountsError("invalid-input", "Use letters, digits, spaces and & . , ' - only (up to 40)", "workspaceName");
    }
    const now = Date.now();
    return insertShareLink(
      {
        token: newShareToken(),
        accountId: account.id,
        demoSlug: parsed.demo,
        persona: parsed.persona ?? null,
        personalization: company ? { company } : null,
        createdByUserId: member.id,
        createdAt: new Date(now),
        expiresAt: parsed.expiresInDays ? new Date(now + parsed.expiresInDays * 86_400_000) : null,
      },
      tx,
    );
  });
}

export type ShareLinkState = "live" | "revoked" | "expired";

export function shareLinkState(link: Pick<ShareLink, "revokedAt" | "expiresAt">, now = new Date()): ShareLinkState {
  if (link.revokedAt) return "revoked";
  if (link.expiresAt && link.expiresAt.getTime() <= now.getTime()) return "expired";
  return "live";
}

/** Every link of the team (or of one account), newest first, with its interacting visitors. */
export async function listShareLinks(options: { accountId?: string } = {}, now = new Date()) {
  return (await shareLinksNewestFirst(options.accountId)).map((row) => ({ ...row, state: shareLinkState(row, now) }));
}

export type ShareLinkListing = Awaited<ReturnType<typeof listShareLinks>>[number];

/** Whether the member may revoke: they made it, they own its account, or they are an admin. */
export function mayRevoke(link: Pick<ShareLinkListing, "createdByUserId" | "ownerUserId">, member: Pick<Member, "id" | "role">): boolean {
  return member.role === "admin" || link.createdByUserId === member.id || link.ownerUserId === member.id;
}

/** Revokes a link; prospects who open it afterwards still get the demo, unattributed. */
export async function revokeShareLink(token: string, member: Member): Promise<void> {
  const link = (await listShareLinks({})).find((candidate) => candidate.token === token);
  if (!link || !mayRevoke(link, member)) throw new AccountsError("not-found", "No link of yours has that token", "token");
  await markShareLinkRevoked(token, new Date());
}
