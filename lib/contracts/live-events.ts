// Every event a live stream carries, as one discriminated union on `type`: the server's producers are typed
// against it (lib/live/hub.ts PendingLive, publishEphemeral), the pages' listeners parse what arrives through it.
// A stored event is replayed for a day (lib/live/hub.ts pruneLive), so a page may meet one an older server
// wrote: what does not fit is dropped, never half-read. zod/mini, not zod: it ships to the browser.
import * as z from "zod/mini";
import { suggestionSchema } from "./conversations";

const author = z.enum(["visitor", "team"]);

/** A message as both streams tell of it. */
const messageNews = {
  conversationId: z.string(),
  messageId: z.number(),
  body: z.string(),
  at: z.number(),
  author,
  /** The visitor's first message: it opened the conversation. */
  started: z.optional(z.boolean()),
};

const event = <Type extends string, Payload extends z.ZodMiniType>(type: Type, payload: Payload) =>
  z.object({ type: z.literal(type), payload });

export const liveEventSchema = z.discriminatedUnion("type", [
  // The team's stream.
  event("conversation.message", z.object({ ...messageNews, assigneeUserId: z.optional(z.string()) })),
  event(
    "conversation.updated",
    z.object({ conversationId: z.string(), status: z.optional(z.enum(["open", "closed"])), muted: z.optional(z.boolean()) }),
  ),
  event("handraise", z.object({ visitorId: z.nullable(z.string()), demo: z.nullable(z.string()), at: z.number() })),
  /** Visitors with fresh signals (lib/live/signal-watch.ts); ephemeral. */
  event("activity", z.object({ visitors: z.array(z.string()), at: z.number() })),
  // The prospect's stream.
  /** A message in the visitor's own thread; a rep's carries their first name only. */
  event("message", z.object({ ...messageNews, authorName: z.optional(z.string()), suggestion: z.optional(suggestionSchema) })),
  event("conversation.status", z.object({ conversationId: z.string(), status: z.enum(["open", "closed"]), paused: z.boolean() })),
  /**
   * Someone else in a shared copy changed it (lib/sandbox/copy-news.ts): the page shows it without a reload and
   * says so politely ("A colleague moved ‘Globex renewal’ to Won"). Never names a person who asked not to be tracked.
   */
  event("copy.changed", z.object({ sandboxId: z.string(), notice: z.string(), at: z.number() })),
  /** How many of a shared copy's people have a page of it open now ("2 people in this copy now"); ephemeral. */
  event("copy.presence", z.object({ sandboxId: z.string(), present: z.number() })),
  // Both.
  /**
   * Someone is typing; ephemeral. On the team's stream it names the conversation (and the member, for a rep);
   * a prospect has one thread, so theirs says only that the team is.
   */
  event("typing", z.object({ who: author, conversationId: z.optional(z.string()), userId: z.optional(z.string()) })),
  /** A stream's last event when a newer tab of the same person replaces it: the page stops reconnecting. */
  event("superseded", z.object({ reason: z.string() })),
]);

export type LiveEvent = z.infer<typeof liveEventSchema>;
export type LiveEventType = LiveEvent["type"];
export type LiveEventOf<Type extends LiveEventType> = Extract<LiveEvent, { type: Type }>;
export type LivePayload<Type extends LiveEventType> = LiveEventOf<Type>["payload"];

/** What the team's stream (every signed-in member) carries. */
export const teamStreamTypes = [
  "conversation.message",
  "conversation.updated",
  "handraise",
  "activity",
  "typing",
  "superseded",
] satisfies LiveEventType[];
export type TeamStreamType = (typeof teamStreamTypes)[number];
export type TeamStreamEvent = LiveEventOf<TeamStreamType>;

/** What one prospect's stream carries. */
export const visitorStreamTypes = [
  "message",
  "conversation.status",
  "copy.changed",
  "copy.presence",
  "typing",
  "superseded",
] satisfies LiveEventType[];
export type VisitorStreamType = (typeof visitorStreamTypes)[number];
export type VisitorStreamEvent = LiveEventOf<VisitorStreamType>;

/** Whether `event` is of one of `types` (a listener's), so it can be handed over typed as such. */
export function isLiveEventOf<Type extends LiveEventType>(event: LiveEvent, types: readonly Type[]): event is LiveEventOf<Type> {
  return types.some((type) => type === event.type);
}

/** One SSE event (its `event:` name and `data:` text) as the union, or undefined when it does not fit. */
export function parseLiveEvent(type: string, data: unknown): LiveEvent | undefined {
  if (typeof data !== "string") return undefined;
  let payload: unknown;
  try {
    payload = JSON.parse(data);
  } catch {
    return undefined;
  }
  const parsed = liveEventSchema.safeParse({ type, payload });
  return parsed.success ? parsed.data : undefined;
}
