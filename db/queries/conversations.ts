// "Talk to a human" threads: one per visitor, their messages, who has read what, and the team's inbox.
import "server-only";
import { and, desc, eq, isNull, type SQL, sql } from "drizzle-orm";
import type { Conversation, StoredSuggestion } from "@/db/control/schema";
import { store } from "@/db/control-plane";
import type { Store } from "@/db/store";

export type StoredMessage = {
  id: number;
  author: "visitor" | "team";
  authorName: string | null;
  body: string;
  at: Date;
  suggestion: StoredSuggestion | null;
  suggestionOpenedAt: Date | null;
};

/** The visitor's newest conversation, if they ever wrote. */
export function conversationOfVisitor(visitorId: string, s: Store = store()): Promise<Conversation | undefined> {
  const { conversations } = s.t;
  return s.one(s.db.select().from(conversations).where(eq(conversations.visitorId, visitorId)).orderBy(desc(conversations.createdAt)));
}

export function conversationById(id: string, s: Store = store()): Promise<Conversation | undefined> {
  const { conversations } = s.t;
  return s.one(s.db.select().from(conversations).where(eq(conversations.id, id)));
}

/** The newest `limit` messages of a thread, oldest first, with each team author's current name. */
export async function threadMessages(conversationId: string, limit: number, s: Store = store()): Promise<StoredMessage[]> {
  const { conversationMessages, user } = s.t;
  const rows = await s.all(
    s.db
      .select({
        id: conversationMessages.id,
        author: conversationMessages.author,
        authorName: user.name,
        body: conversationMessages.body,
        at: conversationMessages.createdAt,
        suggestion: conversationMessages.suggestion,
        suggestionOpenedAt: conversationMessages.suggestionOpenedAt,
      })
      .from(conversationMessages)
      .leftJoin(user, eq(user.id, conversationMessages.authorUserId))
      .where(eq(conversationMessages.conversationId, conversationId))
      .orderBy(desc(conversationMessages.id))
      .limit(limit),
  );
  return rows.reverse();
}

export async function insertConversation(
  row: Pick<Conversation, "id" | "visitorId" | "demoSlug" | "sandboxId" | "assigneeUserId" | "linked" | "lastMessageAt">,
  tx: Store,
): Promise<Conversation> {
  const inserted = await tx.one(tx.db.insert(tx.t.conversations).values(row).returning());
  if (!inserted) throw new Error("The conversation was not stored");
  return inserted;
}

export async function insertMessage(
  row: {
    conversationId: string;
    author: "visitor" | "team";
    authorUserId?: string;
    body: string;
    createdAt: Date;
    suggestion?: StoredSuggestion;
  },
  tx: Store,
): Promise<number> {
  const { conversationMessages } = tx.t;
  const inserted = await tx.one(tx.db.insert(conversationMessages).values(row).returning({ id: conversationMessages.id }));
  if (!inserted) throw new Error("The message was not stored");
  return inserted.id;
}

/** A prospect wrote: the thread is open again, and their own message counts as read by them. */
export async function markVisitorWrote(
  conversationId: string,
  messageId: number,
  now: Date,
  where: { sandboxId: string | null; demoSlug: string | null } | undefined,
  tx: Store,
): Promise<void> {
  const { conversations } = tx.t;
  await tx.run(
    tx.db
      .update(conversations)
      .set({
        status: "open",
        lastMessageAt: now,
        visitorReadId: tx.sql.greatest(conversations.visitorReadId, messageId),
        ...(where ? { sandboxId: where.sandboxId, demoSlug: where.demoSlug } : {}),
      })
      .where(eq(conversations.id, conversationId)),
  );
}

/** A rep replied: they take the thread, it is open, and everything up to their reply counts as read by the team. */
export async function markTeamReplied(conversationId: string, userId: string, messageId: number, now: Date, tx: Store): Promise<void> {
  const { conversations } = tx.t;
  await tx.run(
    tx.db
      .update(conversations)
      .set({ assigneeUserId: userId, status: "open", lastMessageAt: now, teamReadId: messageId })
      .where(eq(conversations.id, conversationId)),
  );
}

export async function newestMessageId(conversationId: string, s: Store = store()): Promise<number | undefined> {
  const { conversationMessages } = s.t;
  const row = await s.one(
    s.db
      .select({ id: sql<number | null>`max(${conversationMessages.id})` })
      .from(conversationMessages)
      .where(eq(conversationMessages.conversationId, conversationId)),
  );
  return row?.id ?? undefined;
}

export async function setVisitorReadId(conversationId: string, messageId: number, s: Store = store()): Promise<void> {
  const { conversations } = s.t;
  await s.run(s.db.update(conversations).set({ visitorReadId: messageId }).where(eq(conversations.id, conversationId)));
}

/** Applies a status or mute change; the updated row, or undefined for no such conversation. */
export function updateConversationRow(
  id: string,
  change: Partial<Pick<Conversation, "status" | "muted">>,
  tx: Store,
): Promise<Conversation | undefined> {
  const { conversations } = tx.t;
  return tx.one(tx.db.update(conversations).set(change).where(eq(conversations.id, id)).returning());
}

export type InboxRow = {
  conversation: Conversation;
  assigneeName: string | null;
  demoTitle: string | null;
  body: string;
  author: "visitor" | "team";
};

/** Conversations with their last message, assignee's name and demo's title, newest activity first. */
export function inboxRows(
  filter: { status?: Conversation["status"]; id?: string },
  limit: number,
  s: Store = store(),
): Promise<InboxRow[]> {
  const { conversations, conversationMessages, user, demos } = s.t;
  const last = s.db
    .select({ conversationId: conversationMessages.conversationId, id: sql<number>`max(${conversationMessages.id})`.as("last_id") })
    .from(conversationMessages)
    .groupBy(conversationMessages.conversationId)
    .as("last");
  const where: SQL | undefined = filter.id
    ? eq(conversations.id, filter.id)
    : filter.status
      ? eq(conversations.status, filter.status)
      : undefined;
  return s.all(
    s.db
      .select({
        conversation: conversations,
        assigneeName: user.name,
        demoTitle: demos.title,
        body: conversationMessages.body,
        author: conversationMessages.author,
      })
      .from(conversations)
      .innerJoin(last, eq(last.conversationId, conversations.id))
      .innerJoin(conversationMessages, eq(conversationMessages.id, last.id))
      .leftJoin(user, eq(user.id, conversations.assigneeUserId))
      .leftJoin(demos, eq(demos.slug, conversations.demoSlug))
      .where(where)
      .orderBy(desc(conversations.lastMessageAt))
      .limit(limit),
  );
}

/** A visitor's newest sandbox actions, newest first (what they built, for the rep's context). */
export function newestSandboxActions(visitorId: string, limit: number, s: Store = store()) {
  const { events } = s.t;
  return s.all(
    s.db
      .select({ action: events.action, props: events.props })
      .from(events)
      .where(and(eq(events.visitorId, visitorId), eq(events.type, "sandbox.action")))
      .orderBy(desc(events.occurredAt))
      .limit(limit),
  );
}

/** The locale the visitor's tour last reported with its signals (props.locale), unchecked. */
export async function latestReportedLocale(visitorId: string, s: Store = store()): Promise<unknown> {
  const { events } = s.t;
  const locale = s.sql.jsonText(events.props, "locale");
  const row = await s.one(
    s.db
      .select({ locale: sql<string | null>`${locale}` })
      .from(events)
      .where(and(eq(events.visitorId, visitorId), sql`${locale} is not null`))
      .orderBy(desc(events.occurredAt))
      .limit(1),
  );
  return row?.locale;
}

/** The visitor's device, source and account (name), for the rep's context. */
export function visitorContextRow(visitorId: string, s: Store = store()) {
  const { visitors, accounts } = s.t;
  return s.one(
    s.db
      .select({ device: visitors.device, source: visitors.source, accountId: visitors.accountId, accountName: accounts.name })
      .from(visitors)
      .leftJoin(accounts, eq(accounts.id, visitors.accountId))
      .where(eq(visitors.id, visitorId)),
  );
}

/** The step the visitor's tour showed last. */
export async function latestStepViewed(visitorId: string, s: Store = store()): Promise<string | null | undefined> {
  const { events } = s.t;
  const row = await s.one(
    s.db
      .select({ stepId: events.stepId })
      .from(events)
      .where(and(eq(events.visitorId, visitorId), eq(events.type, "step.viewed")))
      .orderBy(desc(events.occurredAt))
      .limit(1),
  );
  return row?.stepId;
}

/** A team message of the visitor's own thread that carries a suggestion, with its conversation's place. */
export function suggestionForVisitor(messageId: number, visitorId: string, s: Store = store()) {
  const { conversations, conversationMessages } = s.t;
  return s.one(
    s.db
      .select({
        conversationId: conversations.id,
        sandboxId: conversations.sandboxId,
        demoSlug: conversations.demoSlug,
        suggestion: conversationMessages.suggestion,
        openedAt: conversationMessages.suggestionOpenedAt,
      })
      .from(conversationMessages)
      .innerJoin(conversations, eq(conversations.id, conversationMessages.conversationId))
      .where(
        and(
          eq(conversationMessages.id, messageId),
          eq(conversations.visitorId, visitorId),
          eq(conversationMessages.author, "team"),
          sql`${conversationMessages.suggestion} is not null`,
        ),
      ),
  );
}

/** The first "Show me" counts; later ones change nothing. True when this one was the first. */
export async function markSuggestionOpened(messageId: number, at: Date, tx: Store): Promise<boolean> {
  const { conversationMessages } = tx.t;
  const updated = await tx.all(
    tx.db
      .update(conversationMessages)
      .set({ suggestionOpenedAt: at })
      .where(and(eq(conversationMessages.id, messageId), isNull(conversationMessages.suggestionOpenedAt)))
      .returning({ id: conversationMessages.id }),
  );
  return updated.length > 0;
}
