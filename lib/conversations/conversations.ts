// "Talk to a human" as a conversation on the prospect's terms: they type a question and nothing else is
// asked of them. The thread is the visitor's (their functional cookie), one per visitor, reopened when they
// write again. Every change commits together with the live events and alerts it causes; the streams are told
// only after the commit (lib/live/hub.ts).
import "server-only";
import { desc, eq, type SQL, sql } from "drizzle-orm";
import { type ControlDb, controlDb } from "@/db/client";
import { accounts, type Conversation, conversationMessages, conversations, user, visitors } from "@/db/control/schema";
import { announce, type PendingLive, storeLive } from "@/lib/live/hub";
import { runtime } from "@/lib/runtime/runtime";
import { newId } from "@/lib/sandbox/ids";
import { enqueueAlert } from "@/lib/webhooks/enqueue";
import { messageBodySchema } from "./message-input";
import { teamOnlineCount } from "./presence";

export type Refusal = { status: number; error: string; retryAfterSeconds?: number };

export type ThreadMessage = { id: number; author: "visitor" | "team"; authorName?: string; body: string; at: number };

export type Thread = {
  id: string;
  status: Conversation["status"];
  /** A rep muted this visitor: the panel says so and offers the booking link instead of a message box. */
  paused: boolean;
  messages: ThreadMessage[];
  /** Replies the prospect has not seen yet. */
  unread: number;
};

/** Most messages a thread shows; older ones stay stored. */
const threadLimit = 200;

function messagesOf(conversationId: string, db: Pick<ControlDb, "select">): ThreadMessage[] {
  const rows = db
    .select({
      id: conversationMessages.id,
      author: conversationMessages.author,
      authorName: user.name,
      body: conversationMessages.body,
      at: conversationMessages.createdAt,
    })
    .from(conversationMessages)
    .leftJoin(user, eq(user.id, conversationMessages.authorUserId))
    .where(eq(conversationMessages.conversationId, conversationId))
    .orderBy(desc(conversationMessages.id))
    .limit(threadLimit)
    .all();
  return rows.reverse().map((row) => ({
    id: row.id,
    author: row.author,
    ...(row.author === "team" ? { authorName: firstName(row.authorName) } : {}),
    body: row.body,
    at: row.at.getTime(),
  }));
}

/** A prospect sees a rep's first name only: enough to talk to, nothing about the team's accounts. */
function firstName(name: string | null | undefined): string {
  return name?.trim().split(/\s+/)[0] || "Our team";
}

function conversationOf(visitorId: string, db: Pick<ControlDb, "select">): Conversation | undefined {
  return db.select().from(conversations).where(eq(conversations.visitorId, visitorId)).orderBy(desc(conversations.createdAt)).get();
}

/** Whether the team muted this visitor: nothing they send reaches anyone (messages, typing, hand-raises). */
export function visitorMuted(visitorId: string, db: Pick<ControlDb, "select"> = controlDb()): boolean {
  return conversationOf(visitorId, db)?.muted === true;
}

/** The visitor's thread, or null before they ever wrote. */
export function visitorThread(visitorId: string, db: Pick<ControlDb, "select"> = controlDb()): Thread | null {
  const conversation = conversationOf(visitorId, db);
  if (!conversation) return null;
  const messages = messagesOf(conversation.id, db);
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
export function postVisitorMessage(post: VisitorPost, db: ControlDb = controlDb()): { thread: Thread } | Refusal {
  const now = post.now ?? new Date();
  const body = messageBodySchema.safeParse(post.body);
  if (!body.success) return { status: 400, error: body.error.issues[0]?.message ?? "Type a message first" };
  if (post.bot) return { status: 403, error: "Conversations are for people; this browser looks automated" };
  const { limiters } = runtime();
  const existing = conversationOf(post.visitorId, db);
  const visitor = db
    .select({ bot: visitors.bot, accountId: visitors.accountId })
    .from(visitors)
    .where(eq(visitors.id, post.visitorId))
    .get();
  if (visitor?.bot) return { status: 403, error: "Conversations are for people; this browser looks automated" };
  // Muted: said plainly rather than swallowed, so nobody waits on a reply that cannot come. Nothing is
  // stored (a muted sender is usually flooding) and no rep or receiver hears of it.
  if (existing?.muted) return { status: 403, error: pausedMessage };
  if (!existing && !limiters.conversations.tryTake(post.clientAddress, now.getTime())) {
    return tooMany(limiters.conversations.retryAfterSeconds(post.clientAddress, now.getTime()), "new conversations");
  }
  // Per address and per visitor: a new address with the same cookie, or a new cookie from the same address,
  // still counts against what was sent. Both are taken, so either limit holds on its own.
  const overAddress = !limiters.messages.tryTake(post.clientAddress, now.getTime());
  const overVisitor = !limiters.visitorMessages.tryTake(post.visitorId, now.getTime());
  if (overAddress || overVisitor) {
    const wait = Math.max(
      overAddress ? limiters.messages.retryAfterSeconds(post.clientAddress, now.getTime()) : 0,
      overVisitor ? limiters.visitorMessages.retryAfterSeconds(post.visitorId, now.getTime()) : 0,
    );
    return tooMany(wait, "messages");
  }

  const live: PendingLive[] = [];
  db.transaction((tx) => {
    let conversation = existing;
    const started = !conversation;
    if (!conversation) {
      // Owner routing: a visitor who came through a rep's share link goes to the account's owner.
      const owner = visitor?.accountId
        ? tx.select({ owner: accounts.ownerUserId }).from(accounts).where(eq(accounts.id, visitor.accountId)).get()?.owner
        : undefined;
      conversation = tx
        .insert(conversations)
        .values({
          id: newId(),
          visitorId: post.visitorId,
          demoSlug: post.demoSlug ?? null,
          // An untracked thread keeps only the demo it was asked from: never which copy (their sandbox).
          sandboxId: post.noTracking ? null : (post.sandboxId ?? null),
          assigneeUserId: owner ?? null,
          linked: !post.noTracking,
          lastMessageAt: now,
        })
        .returning()
        .get();
    }
    const message = tx
      .insert(conversationMessages)
      .values({ conversationId: conversation.id, author: "visitor", body: body.data, createdAt: now })
      .returning({ id: conversationMessages.id })
      .get();
    tx.update(conversations)
      .set({
        status: "open",
        lastMessageAt: now,
        visitorReadId: sql`max(${conversations.visitorReadId}, ${message.id})`,
        ...(post.sandboxId ? { sandboxId: conversation.linked ? post.sandboxId : null, demoSlug: post.demoSlug ?? null } : {}),
      })
      .where(eq(conversations.id, conversation.id))
      .run();
    const payload = { conversationId: conversation.id, messageId: message.id, body: body.data, at: now.getTime(), started };
    live.push({ topic: "team", type: "conversation.message", payload: { ...payload, author: "visitor" } });
    live.push({ topic: `visitor:${post.visitorId}`, type: "message", payload: { ...payload, author: "visitor" } });
    storeLive(tx, live);
    const excerpt = body.data.length > 140 ? `${body.data.slice(0, 139)}…` : body.data;
    if (started) enqueueAlert(tx, { kind: "conversation.started", text: `A prospect asked: “${excerpt}”`, data: payload }, now);
    if (teamOnlineCount(now, tx) === 0) {
      enqueueAlert(tx, { kind: "message.unanswered", text: `New message while nobody is online: “${excerpt}”`, data: payload }, now);
    }
  });
  announce();
  const thread = visitorThread(post.visitorId, db);
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
export function markReadByVisitor(visitorId: string, db: ControlDb = controlDb()): void {
  const conversation = conversationOf(visitorId, db);
  if (!conversation) return;
  const newest = db
    .select({ id: sql<number>`max(${conversationMessages.id})` })
    .from(conversationMessages)
    .where(eq(conversationMessages.conversationId, conversation.id))
    .get()?.id;
  if (newest) db.update(conversations).set({ visitorReadId: newest }).where(eq(conversations.id, conversation.id)).run();
}

export type TeamPost = { conversationId: string; userId: string; body: string; now?: Date };

/**
 * A team member replies. The first to reply takes the conversation (unless it went to the account's owner);
 * after that only its assignee replies, so a prospect talks to one person.
 */
export function postTeamMessage(post: TeamPost, db: ControlDb = controlDb()): { messageId: number } | Refusal {
  const now = post.now ?? new Date();
  const body = messageBodySchema.safeParse(post.body);
  if (!body.success) return { status: 400, error: body.error.issues[0]?.message ?? "Type a message first" };
  const live: PendingLive[] = [];
  const outcome = db.transaction((tx): { messageId: number } | Refusal => {
    const conversation = tx.select().from(conversations).where(eq(conversations.id, post.conversationId)).get();
    if (!conversation) return { status: 404, error: "No such conversation" };
    if (conversation.assigneeUserId && conversation.assigneeUserId !== post.userId) {
      const name = tx.select({ name: user.name }).from(user).where(eq(user.id, conversation.assigneeUserId)).get()?.name;
      return { status: 409, error: `${name ?? "Another team member"} is handling this conversation` };
    }
    const message = tx
      .insert(conversationMessages)
      .values({ conversationId: conversation.id, author: "team", authorUserId: post.userId, body: body.data, createdAt: now })
      .returning({ id: conversationMessages.id })
      .get();
    tx.update(conversations)
      .set({ assigneeUserId: post.userId, status: "open", lastMessageAt: now, teamReadId: message.id })
      .where(eq(conversations.id, conversation.id))
      .run();
    const authorName = firstName(tx.select({ name: user.name }).from(user).where(eq(user.id, post.userId)).get()?.name);
    const payload = { conversationId: conversation.id, messageId: message.id, body: body.data, at: now.getTime(), author: "team" };
    live.push({ topic: "team", type: "conversation.message", payload: { ...payload, assigneeUserId: post.userId } });
    live.push({ topic: `visitor:${conversation.visitorId}`, type: "message", payload: { ...payload, authorName } });
    storeLive(tx, live);
    return { messageId: message.id };
  });
  if ("messageId" in outcome) announce();
  return outcome;
}

/**
 * Close a conversation or mute its visitor, and tell the prospect's panel at once. Closing is the team's
 * bookkeeping ("done for now"): the prospect reads that it was closed and may write again, which reopens it.
 * Muting stops their messages from being sent at all (postVisitorMessage refuses them, politely).
 */
export function updateConversation(
  conversationId: string,
  change: { status?: "open" | "closed"; muted?: boolean },
  db: ControlDb = controlDb(),
): { ok: true } | Refusal {
  const done = db.transaction((tx) => {
    const updated = tx.update(conversations).set(change).where(eq(conversations.id, conversationId)).returning().get();
    if (!updated) return false;
    storeLive(tx, [
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
  announce();
  return { ok: true };
}

export type InboxEntry = {
  id: string;
  /** Null for a visitor who sent GPC / Do-Not-Track (not linked): the team never learns who they are. */
  visitorId: string | null;
  demoSlug: string | null;
  sandboxId: string | null;
  status: Conversation["status"];
  muted: boolean;
  linked: boolean;
  assigneeUserId: string | null;
  assigneeName: string | null;
  lastMessageAt: number;
  lastMessage: string;
  unanswered: boolean;
};

/** Whose panel a conversation's live events go to; never part of what the team reads. */
export function conversationVisitor(conversationId: string, db: Pick<ControlDb, "select"> = controlDb()): string | undefined {
  return db.select({ visitorId: conversations.visitorId }).from(conversations).where(eq(conversations.id, conversationId)).get()?.visitorId;
}

/** The team's conversations, newest activity first. */
export function teamInbox(
  options: { status?: "open" | "closed"; limit?: number } = {},
  db: Pick<ControlDb, "select"> = controlDb(),
): InboxEntry[] {
  return inboxRows(db, options.status ? eq(conversations.status, options.status) : undefined, options.limit ?? 100);
}

/** One conversation with its messages, for a team member. */
export function teamThread(
  conversationId: string,
  db: Pick<ControlDb, "select"> = controlDb(),
): (InboxEntry & { messages: ThreadMessage[] }) | undefined {
  const [entry] = inboxRows(db, eq(conversations.id, conversationId), 1);
  return entry ? { ...entry, messages: messagesOf(conversationId, db) } : undefined;
}

function inboxRows(db: Pick<ControlDb, "select">, where: SQL | undefined, limit: number): InboxEntry[] {
  const last = db
    .select({ conversationId: conversationMessages.conversationId, id: sql<number>`max(${conversationMessages.id})`.as("last_id") })
    .from(conversationMessages)
    .groupBy(conversationMessages.conversationId)
    .as("last");
  const rows = db
    .select({ conversation: conversations, assigneeName: user.name, body: conversationMessages.body, author: conversationMessages.author })
    .from(conversations)
    .innerJoin(last, eq(last.conversationId, conversations.id))
    .innerJoin(conversationMessages, eq(conversationMessages.id, last.id))
    .leftJoin(user, eq(user.id, conversations.assigneeUserId))
    .where(where)
    .orderBy(desc(conversations.lastMessageAt))
    .limit(limit)
    .all();
  return rows.map(({ conversation, assigneeName, body, author }) => ({
    id: conversation.id,
    visitorId: conversation.linked ? conversation.visitorId : null,
    demoSlug: conversation.demoSlug,
    sandboxId: conversation.linked ? conversation.sandboxId : null,
    status: conversation.status,
    muted: conversation.muted,
    linked: conversation.linked,
    assigneeUserId: conversation.assigneeUserId,
    assigneeName,
    lastMessageAt: conversation.lastMessageAt.getTime(),
    lastMessage: body,
    unanswered: author === "visitor",
  }));
}
