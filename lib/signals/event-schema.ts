// The shape of a usage signal as the browser sends it. The single definition: the API parses with it,
// the browser tracker builds events typed from it.
import { z } from "zod";
import { sandboxActionKind } from "@/lib/demos/demo-schema";

export const signalTypes = [
  "demo.viewed",
  "tour.started",
  "step.viewed",
  "step.completed",
  "tour.finished",
  "tour.closed",
  "sandbox.action",
  "handraise",
] as const;

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/);
const propValue = z.union([z.string().max(200), z.number().finite(), z.boolean()]);

export const signalEventSchema = z.object({
  /** Made by the browser, so a retried batch is stored once; time-ordered (v7) so inserts stay at the index's end. */
  id: z.uuid({ version: "v7", message: "id must be a UUIDv7 (time-ordered)" }),
  type: z.enum(signalTypes),
  /** Milliseconds since the epoch, by the browser's clock; the server clamps it. */
  at: z.number().int().nonnegative(),
  demo: slug.optional(),
  step: slug.optional(),
  stepIndex: z.number().int().min(0).max(100).optional(),
  action: sandboxActionKind.optional(),
  props: z
    .record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,31}$/), propValue)
    .refine((record) => Object.keys(record).length <= 10, "at most 10 props")
    .optional(),
});

export const maxEventsPerBatch = 100;
export const maxBatchBytes = 64 * 1024;

export const signalBatchSchema = z.object({
  /** The sandbox the events happened in; the server keeps it only if it is the caller's. */
  sandbox: z.string().max(64).optional(),
  events: z.array(signalEventSchema).min(1).max(maxEventsPerBatch),
  /** navigator.webdriver: an automated browser. Its visitor counts as a bot until it interacts. */
  webdriver: z.boolean().optional(),
});

/** Events only a person acting on the page produces; an automated browser without any is treated as a bot. */
export const interactionTypes = ["step.completed", "tour.closed", "tour.finished", "sandbox.action", "handraise"] as const;

export type SignalType = (typeof signalTypes)[number];
export type SignalEvent = z.infer<typeof signalEventSchema>;
export type SignalBatch = z.infer<typeof signalBatchSchema>;
