// "Talk to a human" as a conversation on the prospect's terms: they type a question and nothing else is
// asked of them. The thread is the visitor's (their functional cookie), one per visitor, reopened when they
// write again. Every change commits together with the live events and alerts it causes; the streams are told
// only after the commit (lib/live/hub.ts).
import "server-only";
import type { StoredSuggestion } from "@/db/control/schema";
import { store } from "@/db/control-plane";
import { accountOwnerOf } from "@/db/queries/accounts";
import {
  conversationById,
  conversationOfVisitor,
  inboxRows,
  insertConversation,
  insertMessage,
  markTeamReplied,
  markVisitorWrote,
  newestMessageId,
  setVisitorReadId,
  threadMessages,
  updateConversationRow,
} from "@/db/queries/conversations";
import { memberName } from "@/db/queries/team";
import { visitorById } from "@/db/queries/visitors";
import type { Store } from "@/db/store";
import type { InboxEntry, TeamThread, Thread, ThreadMessage } from "@/lib/contracts/conversations";
import { announce, type PendingLive, storeLive } from "@/lib/live/hub";
import { runtime } from "@/lib/runtime/runtime";
import { newId } from "@/lib/sandbox/ids";
import { enqueueAlert } from "@/lib/webhooks/enqueue";
import { messageBodySchema } from "./message-input";
import { teamOnlineCount } from "./presence";

export type Refusal = { status: number; error: string; retryAfterSeconds?: number };

/** Most messages a thread shows; older ones stay stored. */
const threadLimit = 200;

async function messagesOf(conversationId: string): Promise<ThreadMessage[]> {
  return (await threadMessages(conversationId, threadLimit)).map((row) => ({
    id: row.id,
    author: row.author,
    ...(row.author === "team" ? { authorName: firstName(row.authorName) } : {}),
    body: row.body,
    at: row.at.getTime(),
    ...(row.suggestion
      ? { suggestion: { ...row.suggestion, ...(row.suggestionOpenedAt ? { openedAt: row.suggestionOpenedAt.getTime() } : {}) } }
      : {}),
  }));
}

/** A prospect sees a rep's first name only: enough to talk to, nothing about the team's accounts. */
function firstName(name: string | null | undefined): string {
  return name?.trim().split(/\s+/)[0] || "Our team";
}

/** Whether the team muted this visitor: nothing they send reaches anyone (messages, typing, hand-raises). */
export async function visitorMuted(visitorId: string, s: Store = store()): Promise<boolean> {
  return (await conversationOfVisitor(visitorId, s))?.muted === true;
}

/** The visitor's thread, or null before they ever wrote. */
export async function visitorThread(visitorId: string): Promise<Thread | null> {
  const conversation = await conversationOfVisitor(visitorId);
  if (!conversation) return null;
  const messages = await messagesOf(conversation.id);
  const unread = messages.filter((message) => message.author === "team" && message.id > conversation.visitorReadId).length;
  return { id: conversation.id, status: conversation.status, paused: conversation.muted, messages, unread };
}

export type VisitorPost = {
  visitorId: string;
  body: string;
  /** Where they are: the sandbox they were in (must be theirs; the route checks) and its demo. */
  sandboxId?: string;
  demoSlug?: string;
  clientAddress: string;
  /** A known bot (by user agent, or the visitor row says so) gets no conversation. */
  bot: boolean;
  /** GPC / Do-Not-Track: they may still talk; the thread is kept out of their journey. */
  noTracking: boolean;
  now?: Date;
};

/** A prospect writes; starts their conversation on the first message. */
export async function postVisitorMessage(post: VisitorPost): Promise<{ thread: Thread } | Refusal> {
  const now = post.now ?? new Date();
  const body = messageBodySchema.safeParse(post.body);
  if (!body.success) return { status: 400, error: body.error.issues[0]?.message ?? "Type a message first" };
  if (post.bot) return { status: 403, error: "Conversations are for people; this browser looks automated" };
  const { limiters } = runtime();
  const existing = await conversationOfVisitor(post.visitorId);
  const visitor = await visitorById(post.visitorId);
  if (visitor?.bot) return { status: 403, error: "Conversations are for people; this browser looks automated" };
  // Muted: said plainly rather than swallowed, so nobody waits on a reply that cannot come. Nothing is
  // stored (a muted sender is usually flooding) and no rep or receiver hears of it.
  if (existing?.muted) return { status: 403, error: pausedMessage };
  if (!existing && !(await limiters.conversations.tryTake(post.clientAddress, now.getTime()))) {
    return tooMany(await limiters.conversations.retryAfterSeconds(post.clientAddress, now.getTime()), "new conversations");
  }
  // Per address and per visitor: a new address with the same cookie, or a new cookie from the same address,
  // still counts against what was sent. Both are taken, so either limit holds on its own.
  const [tookAddress, tookVisitor] = await Promise.all([
    limiters.messages.tryTake(post.clientAddress, now.getTime()),
    limiters.visitorMessages.tryTake(post.visitorId, now.getTime()),
  ]);
  if (!tookAddress || !tookVisitor) {
    const wait = Math.max(
      tookAddress ? 0 : await limiters.messages.retryAfterSeconds(post.clientAddress, now.getTime()),
      tookVisitor ? 0 : await limiters.visitorMessages.retryAfterSeconds(post.visitorId, now.getTime()),
    );
    return tooMany(wait, "messages");
  }

  const live: PendingLive[] = [];
  await store().transaction(async (tx) => {
    // Message and live-event ids in commit order: read markers and stream cursors compare them.
    await tx.special.takeTurn("liveEvents");
    let conversation = existing;
    const started = !conversation;
    if (!conversation) {
      // Owner routing: a visitor who came through a rep's share link goes to the account's owner.
      const owner = visitor?.accountId ? await accountOwnerOf(visitor.accountId, tx) : undefined;
      conversation = await insertConversation(
        {
          id: newId(),
          visitorId: post.visitorId,
          demoSlug: post.demoSlug ?? null,
          // An untracked thread keeps only the demo it was asked from: never which copy (their sandbox).
          sandboxId: post.noTracking ? null : (post.sandboxId ?? null),
          assigneeUserId: owner ?? null,
          linked: !post.noTracking,
          lastMessageAt: now,
        },
        tx,
      );
    }
    const messageId = await insertMessage({ conversationId: conversation.id, author: "visitor", body: body.data, createdAt: now }, tx);
    await markVisitorWrote(
      conversation.id,
      messageId,
      now,
      post.sandboxId ? { sandboxId: conversation.linked ? post.sandboxId : null, demoSlug: post.demoSlug ?? null } : undefined,
      tx,
    );
    const payload = { conversationId: conversation.id, messageId, body: body.data, at: now.getTime(), started };
    live.push({ topic: "team", type: "conversation.message", payload: { ...payload, author: "visitor" } });
    live.push({ topic: `visitor:${post.visitorId}`, type: "message", payload: { ...payload, author: "visitor" } });
    await storeLive(tx, live);
    const excerpt = body.data.length > 140 ? `${body.data.slice(0, 139)}…` : body.data;
    if (started) await enqueueAlert(tx, { kind: "conversation.started", text: `A prospect asked: “${excerpt}”`, data: payload }, now);
    if ((await teamOnlineCount(now, tx)) === 0) {
      await enqueueAlert(tx, { kind: "message.unanswered", text: `New message while nobody is online: “${excerpt}”`, data: payload }, now);
    }
  });
  await announce();
  const thread = await visitorThread(post.visitorId);
  return thread ? { thread } : { status: 500, error: "The message was stored but could not be read back" };
}

/** What a muted visitor reads when they write; the panel shows the booking link beside it. */
export const pausedMessage =
  "Our team has paused this conversation, so new messages are not sent. To reach us, please book a time instead.";

function tooMany(retryAfterSeconds: number, what: string): Refusal {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return {
    status: 429,
    error: `That's a lot of ${what} for one hour. Please try again in ${minutes} minute${minutes === 1 ? "" : "s"}, or use the booking link.`,
    retryAfterSeconds,
  };
}

/** The prospect has seen every reply up to now (their panel is open). */
export async function markReadByVisitor(visitorId: string): Promise<void> {
  const conversation = await conversationOfVisitor(visitorId);
  if (!conversation) return;
  const newest = await newestMessageId(conversation.id);
  if (newest) await setVisitorReadId(conversation.id, newest);
}

/** `suggestion`: a card resolved from the manifest and the demo (suggestions.ts); `body` is then its line of why. */
export type TeamPost = { conversationId: string; userId: string; body: string; suggestion?: StoredSuggestion; now?: Date };

/**
 * A team member replies. The first to reply takes the conversation (unless it went to the account's owner);
 * after that only its assignee replies, so a prospect talks to one person.
 */
export async function postTeamMessage(post: TeamPost): Promise<{ messageId: number } | Refusal> {
  const now = post.now ?? new Date();
  const body = messageBodySchema.safeParse(post.body);
  if (!body.success) return { status: 400, error: body.error.issues[0]?.message ?? "Type a message first" };
  const live: PendingLive[] = [];
  const outcome = await store().transaction(async (tx): Promise<{ messageId: number } | Refusal> => {
    await tx.special.takeTurn("liveEvents");
    const conversation = await conversationById(post.conversationId, tx);
    if (!conversation) return { status: 404, error: "No such conversation" };
    if (conversation.assigneeUserId && conversation.assigneeUserId !== post.userId) {
      const name = await memberName(conversation.assigneeUserId, tx);
      return { status: 409, error: `${name ?? "Another team member"} is handling this conversation` };
    }
    const messageId = await insertMessage(
      {
        conversationId: conversation.id,
        author: "team",
        authorUserId: post.userId,
        body: body.data,
        createdAt: now,
        suggestion: post.suggestion,
      },
      tx,
    );
    await markTeamReplied(conversation.id, post.userId, messageId, now, tx);
    const authorName = firstName(await memberName(post.userId, tx));
    const payload = { conversationId: conversation.id, messageId, body: body.data, at: now.getTime() };
    live.push({ topic: "team", type: "conversation.message", payload: { ...payload, author: "team", assigneeUserId: post.userId } });
    live.push({
      topic: `visitor:${conversation.visitorId}`,
      type: "message",
      payload: { ...payload, author: "team", authorName, ...(post.suggestion ? { suggestion: post.suggestion } : {}) },
    });
    await storeLive(tx, live);
    return { messageId };
  });
  if ("messageId" in outcome) await announce();
  return outcome;
}

/**
 * Close a conversation or mute its visitor, and tell the prospect's panel at once. Closing is the team's
 * bookkeeping ("done for now"): the prospect reads that it was closed and may write again, which reopens it.
 * Muting stops their messages from being sent at all (postVisitorMessage refuses them, politely).
 */
export async function updateConversation(
  conversationId: string,
  change: { status?: "open" | "closed"; muted?: boolean },
): Promise<{ ok: true } | Refusal> {
  const done = await store().transaction(async (tx) => {
    const updated = await updateConversationRow(conversationId, change, tx);
    if (!updated) return false;
    await storeLive(tx, [
      { topic: "team", type: "conversation.updated", payload: { conversationId, ...change } },
      {
        topic: `visitor:${updated.visitorId}`,
        type: "conversation.status",
        payload: { conversationId, status: updated.status, paused: updated.muted },
      },
    ]);
    return true;
  });
  if (!done) return { status: 404, error: "No such conversation" };
  await announce();
  return { ok: true };
}

/** Whose panel a conversation's live events go to; never part of what the team reads. */
export async function conversationVisitor(conversationId: string): Promise<string | undefined> {
  return (await conversationById(conversationId))?.visitorId;
}

/** The team's conversations, newest activity first. */
export async function teamInbox(options: { status?: "open" | "closed"; limit?: number } = {}): Promise<InboxEntry[]> {
  return (await inboxRows({ status: options.status }, options.limit ?? 100)).map(inboxEntry);
}

/** One conversation with its messages, for a team member. */
export async function teamThread(conversationId: string): Promise<TeamThread | undefined> {
  const [row] = await inboxRows({ id: conversationId }, 1);
  return row ? { ...inboxEntry(row), messages: await messagesOf(conversationId) } : undefined;
}

function inboxEntry({ conversation, assigneeName, demoTitle, body, author }: Awaited<ReturnType<typeof inboxRows>>[number]): InboxEntry {
  return {
    id: conversation.id,
    visitorId: conversation.linked ? conversation.visitorId : null,
    demoSlug: conversation.demoSlug,
    // A demo removed since keeps its slug: still better than nothing.
    demoTitle: demoTitle ?? conversation.demoSlug,
    sandboxId: conversation.linked ? conversation.sandboxId : null,
    status: conversation.status,
    muted: conversation.muted,
    linked: conversation.linked,
    assigneeUserId: conversation.assigneeUserId,
    assigneeName,
    lastMessageAt: conversation.lastMessageAt.getTime(),
    lastMessage: body,
    unanswered: author === "visitor",
  };
}
