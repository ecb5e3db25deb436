// A shared copy: the buying committee in one sandbox. Whoever is in a copy may make a link to it ("Invite a
// colleague") or turn that link off; whoever opens a live link joins with their own visitor identity and tour.
// A copy holds at most `maxPeoplePerCopy` people (its owner included). The people are counted and added in one
// transaction that takes the "sharedCopies" turn, so two joins at once cannot pass the cap on either database.
import "server-only";
import { z } from "zod";
import type { Sandbox } from "@/db/control/schema";
import { store } from "@/db/control-plane";
import { sandboxById } from "@/db/queries/sandboxes";
import {
  accountOfCopy,
  attributeToAccount,
  insertCopyAccount,
  insertInvite,
  insertMember,
  inviteByToken,
  liveInviteOf,
  memberCount,
  memberOf,
  membersOf,
  nextMemberNumber,
  revokeInvitesOf,
  setMemberName,
} from "@/db/queries/shared-copies";
import { visitorById } from "@/db/queries/visitors";
import type { Store } from "@/db/store";
import { isWellFormedShareToken, newShareToken } from "@/lib/accounts/share-token";
import { unlistVisitors } from "@/lib/insights/hot-list-facets";
import { plainTextSchema } from "@/lib/text/plain-text";
import type { OwnedSandbox } from "./access";
import { tellCopy } from "./copy-news";
import { newId } from "./ids";
import { storedPersonalization } from "./personalization";

/** What someone who just joined reads once, on the board they land on. */
export const joinedMessage =
  "You joined a colleague's copy. What you change here, they see, and the other way round; your tour is your own.";

/** Ten people: a buying committee, not a webinar. */
export const maxPeoplePerCopy = 10;

/** What opening an invite link comes to. Every refusal names the demo when it is known, for a fresh copy. */
export type JoinOutcome =
  | { kind: "joined"; sandboxId: string }
  /** Already one of its people (joined before): the copy simply opens. */
  | { kind: "member"; sandboxId: string }
  /** The link is to the caller's own copy: there is nothing to join. */
  | { kind: "own"; sandboxId: string }
  | { kind: "off"; demoSlug: string }
  | { kind: "full"; demoSlug: string }
  /** The copy itself is gone (expired, evicted). */
  | { kind: "gone"; demoSlug: string }
  /** Forged, truncated, or never made. */
  | { kind: "unknown" };

/** Invite tokens have a share link's shape (192 random bits, URL-safe): one generator, one check. */
export const isWellFormedInviteToken = isWellFormedShareToken;

/** The owner's row, made when the copy is first shared: they are person 0 of it. */
async function ensureOwnerRow(sandboxId: string, ownerVisitorId: string, tx: Store): Promise<void> {
  if (await memberOf(sandboxId, ownerVisitorId, tx)) return;
  await insertMember({ sandboxId, visitorId: ownerVisitorId, number: 0, invitedByVisitorId: null, inviteToken: null }, tx);
}

/**
 * The copy's live link, made now if it has none. The caller has checked that `visitorId` may open the copy
 * (lib/sandbox/access.ts).
 */
export async function inviteLinkFor(sandbox: { id: string; visitorId: string }, visitorId: string): Promise<string> {
  return store().transaction(async (tx) => {
    await tx.special.takeTurn("sharedCopies");
    await ensureOwnerRow(sandbox.id, sandbox.visitorId, tx);
    const live = await liveInviteOf(sandbox.id, tx);
    if (live) return live.token;
    const token = newShareToken();
    await insertInvite({ token, sandboxId: sandbox.id, createdByVisitorId: visitorId }, tx);
    return token;
  });
}

/** Turns the copy's link off for good: whoever has it gets the friendly page; a new link can be made. */
export async function turnOffInvite(sandboxId: string, at = new Date()): Promise<boolean> {
  return (await store().transaction((tx) => revokeInvitesOf(sandboxId, at, tx))) > 0;
}

/** The copy's live link, if one is on (without making one). */
export async function liveInviteToken(sandboxId: string): Promise<string | undefined> {
  return (await liveInviteOf(sandboxId))?.token;
}

/** What an invite link would do for this visitor, without changing anything (the page before "Join"). */
export async function inspectInvite(token: unknown, visitorId: string | undefined): Promise<JoinOutcome> {
  if (!isWellFormedInviteToken(token)) return { kind: "unknown" };
  const invite = await inviteByToken(token);
  if (!invite) return { kind: "unknown" };
  const sandbox = await sandboxById(invite.sandboxId);
  if (!sandbox) return { kind: "unknown" };
  if (visitorId === sandbox.visitorId) return { kind: "own", sandboxId: sandbox.id };
  if (visitorId && (await memberOf(sandbox.id, visitorId))) return { kind: "member", sandboxId: sandbox.id };
  if (sandbox.status === "gone") return { kind: "gone", demoSlug: sandbox.demoSlug };
  if (invite.revokedAt) return { kind: "off", demoSlug: sandbox.demoSlug };
  if ((await memberCount(sandbox.id)) >= maxPeoplePerCopy) return { kind: "full", demoSlug: sandbox.demoSlug };
  return { kind: "joined", sandboxId: sandbox.id };
}

/** What a rep reads for a copy's group: the company a personalised link made it for, else the copy's short id. */
function copyAccountName(sandbox: Sandbox): string {
  const company = storedPersonalization(sandbox.personalization)?.company;
  return company ? `${company} (shared copy)` : `Shared copy ${sandbox.id.slice(0, 6)}`;
}

/**
 * The rep sees a shared copy's people as one group. A copy whose owner came through a rep's share link brings
 * the joiner into that account, as a forwarded share link does; any other copy gets a group of its own when its
 * first colleague joins. Nobody who asked not to be tracked is tied to a group, and their copy makes none.
 */
async function groupTheCommittee(sandbox: Sandbox, joinerId: string, tx: Store): Promise<void> {
  const [owner, joiner] = [await visitorById(sandbox.visitorId, tx), await visitorById(joinerId, tx)];
  if (!owner || !joiner || joiner.doNotTrack) return;
  if (owner.accountId) {
    await attributeToAccount(joinerId, owner.accountId, owner.shareLinkToken, tx);
    await unlistVisitors([joinerId], tx);
    return;
  }
  if (owner.doNotTrack) return;
  let accountId = (await accountOfCopy(sandbox.id, tx))?.id;
  if (!accountId) {
    accountId = newId();
    await insertCopyAccount({ id: accountId, name: copyAccountName(sandbox), sandboxId: sandbox.id }, tx);
  }
  await attributeToAccount(owner.id, accountId, null, tx);
  await attributeToAccount(joinerId, accountId, null, tx);
  await unlistVisitors([owner.id, joinerId], tx);
}

/**
 * Joins `visitorId` (whose visitor row exists) to the copy the link names, when the link is on and the copy
 * has room. A copy whose owner came through a rep's share link brings the joiner into that account too, as a
 * forwarded share link does — unless the joiner asked not to be tracked.
 */
export async function joinCopy(token: unknown, visitorId: string): Promise<JoinOutcome> {
  if (!isWellFormedInviteToken(token)) return { kind: "unknown" };
  const outcome = await store().transaction(async (tx): Promise<JoinOutcome> => {
    await tx.special.takeTurn("sharedCopies");
    const invite = await inviteByToken(token, tx);
    if (!invite) return { kind: "unknown" };
    const sandbox = await sandboxById(invite.sandboxId, tx);
    if (!sandbox) return { kind: "unknown" };
    if (visitorId === sandbox.visitorId) return { kind: "own", sandboxId: sandbox.id };
    if (await memberOf(sandbox.id, visitorId, tx)) return { kind: "member", sandboxId: sandbox.id };
    if (sandbox.status === "gone") return { kind: "gone", demoSlug: sandbox.demoSlug };
    if (invite.revokedAt) return { kind: "off", demoSlug: sandbox.demoSlug };
    await ensureOwnerRow(sandbox.id, sandbox.visitorId, tx);
    if ((await memberCount(sandbox.id, tx)) >= maxPeoplePerCopy) return { kind: "full", demoSlug: sandbox.demoSlug };
    await insertMember(
      {
        sandboxId: sandbox.id,
        visitorId,
        number: await nextMemberNumber(sandbox.id, tx),
        invitedByVisitorId: invite.createdByVisitorId,
        inviteToken: invite.token,
      },
      tx,
    );
    await groupTheCommittee(sandbox, visitorId, tx);
    return { kind: "joined", sandboxId: sandbox.id };
  });
  // The others' open pages now say "You and 2 colleagues".
  if (outcome.kind === "joined") await tellCopy(outcome.sandboxId, visitorId, "joined this copy");
  return outcome;
}

/** How a person of a copy is shown to another: "You", their own name, else "Colleague N". */
export type CopyPerson = { visitorId: string; label: string; you: boolean; joinedAt: Date };

/**
 * The people a member sees in their copy: themselves as "You", the others by the name they typed or as
 * "Colleague 1, 2 …" in order of joining. Someone who asked not to be tracked is left out of the list (their
 * work still shows in the copy, as "someone"), except to themselves.
 */
export async function peopleOfCopy(sandboxId: string, viewerVisitorId: string): Promise<CopyPerson[]> {
  const rows = await membersOf(sandboxId);
  let colleague = 0;
  return rows.flatMap((row): CopyPerson[] => {
    const you = row.visitorId === viewerVisitorId;
    if (!you && row.doNotTrack) return [];
    if (!you) colleague += 1;
    return [{ visitorId: row.visitorId, label: you ? "You" : (row.displayName ?? `Colleague ${colleague}`), you, joinedAt: row.joinedAt }];
  });
}

/** What the product's header shows of a copy to one of its people. */
export type CopyOverview = {
  people: CopyPerson[];
  /** Anyone besides the owner is in it (listed or not): Reset then resets it for everyone, and says so. */
  shared: boolean;
  /** Its live invite link's token, if one is on. */
  inviteToken: string | null;
  /** The name the viewer typed for themselves in this copy, if any. */
  ownName: string | null;
};

export async function copyOverview(sandboxId: string, viewerVisitorId: string): Promise<CopyOverview> {
  const [people, count, token, own] = await Promise.all([
    peopleOfCopy(sandboxId, viewerVisitorId),
    memberCount(sandboxId),
    liveInviteToken(sandboxId),
    memberOf(sandboxId, viewerVisitorId),
  ]);
  return { people, shared: count > 1, inviteToken: token ?? null, ownName: own?.displayName ?? null };
}

/** "You and 2 colleagues" (or just "You" when nobody has joined yet). */
export function peopleSentence(people: CopyPerson[]): string {
  const others = people.filter((person) => !person.you).length;
  if (others === 0) return "Only you so far";
  return `You and ${others} ${others === 1 ? "colleague" : "colleagues"}`;
}

/** "Invite a colleague" as the product's action: the copy's link, made when first asked for. Not in a preview. */
export async function makeInviteLink(owned: OwnedSandbox): Promise<void> {
  if (owned.kind === "visitor") await inviteLinkFor(owned.sandbox, owned.visitorId);
}

/** A name typed for oneself in a shared copy: optional, one line, shown only to the copy's people and the team. */
export const copyNameInput = z.object({
  name: z.union([z.literal("").transform(() => null), plainTextSchema(40, "Keep your name to 40 characters")]),
});

/** "Your name in this copy" as the product's action: empty clears it (back to "Colleague 2"). */
export async function nameInCopy(owned: OwnedSandbox, input: z.output<typeof copyNameInput>): Promise<{ error: string } | undefined> {
  if (owned.kind !== "visitor") return { error: "A studio preview is nobody's copy to share" };
  const named = await setMemberName(owned.sandbox.id, owned.visitorId, input.name);
  return named ? undefined : { error: "Invite a colleague first: a name is for a shared copy" };
}

/** "Turn the link off" as the product's action. */
export async function turnOffInviteLink(owned: OwnedSandbox): Promise<void> {
  if (owned.kind === "visitor") await turnOffInvite(owned.sandbox.id);
}
