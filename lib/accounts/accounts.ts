// What a rep reads about accounts: the list with their people, and one account with its buying committee
// ("Visitor 1, 2, 3 …" in order of first visit) found from forwarded links — never from a form.
import "server-only";
import {
  accountById,
  accountsByActivity,
  accountWithOwner,
  membersByName,
  openedOnlyCount,
  peopleOfAccount,
  sandboxActionsOf,
  sandboxPersonalizations,
  setAccountOwner,
} from "@/db/queries/accounts";
import { mayUse } from "@/lib/auth/roles";
import type { TeamSession } from "@/lib/auth/team-session";
import { personaLabels } from "@/lib/demos/personas";
import { describeAction } from "@/lib/insights/describe-action";
import { isWellFormedId } from "@/lib/sandbox/ids";
import { storedPersonalization } from "@/lib/sandbox/personalization";
import { AccountsError } from "./errors";
import { listShareLinks } from "./share-links";

/** Every account, most recently active first, with its people (interacting only) and links. */
export function listAccounts() {
  return accountsByActivity();
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
export async function accountDetail(accountId: string) {
  if (!isWellFormedId(accountId)) return undefined;
  const account = await accountWithOwner(accountId);
  if (!account) return undefined;
  const rows = await peopleOfAccount(accountId);
  const ids = rows.map((row) => row.id);
  const personas = new Map<string, string>();
  const actions = new Map<string, AccountPerson["actions"]>();
  for (const sandbox of await sandboxPersonalizations(ids)) {
    const persona = storedPersonalization(sandbox.personalization)?.persona;
    if (persona) personas.set(sandbox.visitorId, personaLabels[persona]); // the latest sandbox's role wins
  }
  for (const event of await sandboxActionsOf(ids)) {
    if (!event.visitorId) continue;
    const list = actions.get(event.visitorId) ?? [];
    list.push({ id: event.id, at: event.occurredAt, sentence: describeAction(event.action, event.props ?? {}) });
    actions.set(event.visitorId, list);
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
  const links = await listShareLinks({ accountId });
  // Openings that never interacted: mail scanners, link previews, someone who closed the tab at once.
  const openedOnly = await openedOnlyCount(accountId);
  const untracked = links.reduce((sum, link) => sum + link.untrackedOpenings, 0);
  return { account, people, links, openedOnly, untracked };
}

export type AccountDetail = NonNullable<Awaited<ReturnType<typeof accountDetail>>>;

/** The members who may own an account: those whose role may use the sales workspace. */
export async function possibleOwners() {
  return (await membersByName()).filter((member) => mayUse(member.role, "sales"));
}

/** Admins reassign an account to another rep; nobody else may. */
export async function reassignAccount(accountId: string, ownerUserId: unknown, member: TeamSession["user"]): Promise<void> {
  if (member.role !== "admin") throw new AccountsError("not-allowed", "Only an admin can change who owns an account", "ownerUserId");
  if (!isWellFormedId(accountId) || !(await accountById(accountId))) {
    throw new AccountsError("not-found", "No account has that id", "accountId");
  }
  const owner = typeof ownerUserId === "string" ? (await possibleOwners()).find((candidate) => candidate.id === ownerUserId) : undefined;
  if (!owner) throw new AccountsError("invalid-input", "Choose the new owner from the team's admins and reps", "ownerUserId");
  await setAccountOwner(accountId, owner.id);
}
