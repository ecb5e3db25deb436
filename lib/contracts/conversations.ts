// What the conversation APIs answer: the prospect's thread (GET/POST /api/conversation) and the team's inbox, a
// thread with the prospect's context, and a reply (/api/sales/conversations…). lib/conversations builds these
// shapes, the panel and the workspace read them through these schemas. zod/mini, not zod: it ships to the browser.
import * as z from "zod/mini";

const status = z.enum(["open", "closed"]);

/**
 * A rep's suggestion card: a page of the product or a step of the demo's tour, chosen from what the manifest and
 * the demo offer (lib/conversations/suggestions.ts), so it never points outside the product. The message's body
 * is its line of why. Nothing moves the prospect's screen: "Show me" is theirs to press.
 */
export const suggestionSchema = z.object({
  kind: z.enum(["page", "step"]),
  /** The page's route name ("forecast") or the step's id. */
  target: z.string(),
  /** What the prospect reads: "Forecast", or the step's title. */
  label: z.string(),
  /** Where "Show me" goes, under the prospect's copy ("/forecast"). */
  path: z.string(),
  /** When the prospect chose "Show me" (ms since the epoch). */
  openedAt: z.optional(z.number()),
});
export type Suggestion = z.infer<typeof suggestionSchema>;

export const threadMessageSchema = z.object({
  id: z.number(),
  author: z.enum(["visitor", "team"]),
  /** A rep's first name only (lib/conversations/conversations.ts firstName). */
  authorName: z.optional(z.string()),
  body: z.string(),
  at: z.number(),
  suggestion: z.optional(suggestionSchema),
});
export type ThreadMessage = z.infer<typeof threadMessageSchema>;

/** The prospect's thread. */
export const threadSchema = z.object({
  id: z.string(),
  status,
  /** A rep muted this visitor: the panel says so and offers the booking link instead of a message box. */
  paused: z.boolean(),
  messages: z.array(threadMessageSchema),
  /** Replies the prospect has not seen yet. */
  unread: z.number(),
});
export type Thread = z.infer<typeof threadSchema>;

/** What the panel says about the team: someone is here now, or when they reply and where to book. */
export const teamStatusSchema = z.object({ online: z.boolean(), replyHours: z.string(), bookingUrl: z.string(), bookingLabel: z.string() });
export type TeamStatus = z.infer<typeof teamStatusSchema>;

/** GET /api/conversation (thread null before they ever wrote), and POST's 201 (with the thread). */
export const visitorConversationSchema = z.object({ thread: z.nullable(threadSchema), team: teamStatusSchema });
export type VisitorConversation = z.infer<typeof visitorConversationSchema>;

/** One conversation in the team's inbox. */
export const inboxEntrySchema = z.object({
  id: z.string(),
  /** Null for a visitor who sent GPC / Do-Not-Track (not linked): the team never learns who they are. */
  visitorId: z.nullable(z.string()),
  demoSlug: z.nullable(z.string()),
  /** The demo's title as a person reads it ("Pipeline basics"); the slug when the demo is gone. */
  demoTitle: z.nullable(z.string()),
  sandboxId: z.nullable(z.string()),
  status,
  muted: z.boolean(),
  linked: z.boolean(),
  assigneeUserId: z.nullable(z.string()),
  assigneeName: z.nullable(z.string()),
  lastMessageAt: z.number(),
  lastMessage: z.string(),
  unanswered: z.boolean(),
});
export type InboxEntry = z.infer<typeof inboxEntrySchema>;

/** GET /api/sales/conversations. */
export const teamInboxSchema = z.object({ conversations: z.array(inboxEntrySchema) });
export type TeamInbox = z.infer<typeof teamInboxSchema>;

/** One conversation with its messages, for a team member. */
export const teamThreadSchema = z.extend(inboxEntrySchema, { messages: z.array(threadMessageSchema) });
export type TeamThread = z.infer<typeof teamThreadSchema>;

/**
 * What a rep sees beside a conversation, from usage signals only (lib/conversations/context.ts). A visitor who
 * asked not to be tracked (not linked) shows only the demo they asked from.
 */
export const conversationContextSchema = z.object({
  /** The demo's title. */
  demo: z.nullable(z.string()),
  /** The company a personalised link made their copy for (`?company=Globex`): a hint, not an identity. */
  madeFor: z.optional(z.string()),
  linked: z.boolean(),
  currentStep: z.optional(z.string()),
  persona: z.optional(z.string()),
  /** The tour's locale, as the tour reported it with its signals. */
  locale: z.optional(z.string()),
  account: z.optional(z.object({ id: z.string(), name: z.string() })),
  source: z.optional(z.record(z.string(), z.string())),
  device: z.optional(z.string()),
  /** What they did in the sandbox, newest first, as sentences. */
  built: z.array(z.string()),
});
export type ConversationContext = z.infer<typeof conversationContextSchema>;

/** What a rep may suggest in a conversation: the product's pages and the steps of the demo the prospect is in. */
const suggestableSchema = z.object({ kind: z.enum(["page", "step"]), target: z.string(), label: z.string() });
export type Suggestable = z.infer<typeof suggestableSchema>;

/** GET /api/sales/conversations/<id>. */
export const teamThreadAnswerSchema = z.object({
  conversation: teamThreadSchema,
  context: conversationContextSchema,
  suggestable: z.array(suggestableSchema),
});
export type TeamThreadAnswer = z.infer<typeof teamThreadAnswerSchema>;

/** POST /api/sales/conversations/<id>/messages: 201. */
export const replySentSchema = z.object({ messageId: z.number() });
export type ReplySent = z.infer<typeof replySentSchema>;

/** POST /api/conversation/suggestions/<message>/opened: where "Show me" goes, and the step to start the tour at. */
export const suggestionOpenedSchema = z.object({ path: z.string(), step: z.optional(z.string()) });
export type SuggestionOpened = z.infer<typeof suggestionOpenedSchema>;
