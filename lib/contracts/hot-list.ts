// GET /api/sales/hot-list: the rep's hot list as JSON, for their own tools. lib/insights/hot-list.ts builds its
// entries in this shape (with Dates where the wire has their ISO strings), and readers parse it with these schemas.
import * as z from "zod/mini";

const reasonSchema = z.object({ signal: z.string(), text: z.string(), points: z.number() });

const scored = {
  /** The score decayed to now; rawScore is what the signals earned. */
  score: z.number(),
  rawScore: z.number(),
  reasons: z.array(reasonSchema),
  /** The reasons as one line: "created a deal +8 · raised a hand +50". */
  reasonsText: z.string(),
  /** ISO 8601, as JSON writes a Date. */
  lastAt: z.iso.datetime(),
  firstAt: z.iso.datetime(),
  handRaised: z.boolean(),
};

export const hotAccountSchema = z.object({
  kind: z.literal("account"),
  id: z.string(),
  name: z.string(),
  domain: z.nullable(z.string()),
  ownerUserId: z.nullable(z.string()),
  /** People who came through the account's share links: its buying committee. */
  people: z.number(),
  ...scored,
});
export type HotAccountEntry = z.infer<typeof hotAccountSchema>;

export const hotVisitorSchema = z.object({
  kind: z.literal("visitor"),
  id: z.string(),
  /** Browser · OS · device class. */
  client: z.string(),
  source: z.nullable(z.record(z.string(), z.string())),
  demos: z.array(z.string()),
  personas: z.array(z.string()),
  /** Companies a personalised link (`?company=Globex`) made their copies for: a hint, not who they are. */
  madeFor: z.array(z.string()),
  ...scored,
});
export type HotVisitorEntry = z.infer<typeof hotVisitorSchema>;

export const hotListEntrySchema = z.discriminatedUnion("kind", [hotAccountSchema, hotVisitorSchema]);
export type HotListEntry = z.infer<typeof hotListEntrySchema>;

/** `pending`: signals not yet folded into the scores (the list catches up within seconds). */
export const hotListAnswerSchema = z.object({ pending: z.number(), entries: z.array(hotListEntrySchema) });
export type HotListAnswer = z.infer<typeof hotListAnswerSchema>;
