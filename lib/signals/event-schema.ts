// The shape of a usage signal as the browser sends it. The single definition: the API parses with it,
// the browser tracker builds events typed from it.
import { z } from "zod";
import { slugPattern } from "@/lib/demos/slug";
import { interactionTypes, type SignalType, sandboxActionKinds, signalTypes } from "./signal-types";

// Re-exported so server code keeps one import for the whole shape; the lists themselves live in signal-types.ts.
export { interactionTypes, type SignalType, signalTypes };

const slug = z.string().regex(slugPattern);
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
  action: z.enum(sandboxActionKinds).optional(),
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
  events: z
    .array(
      signalEventSchema
        .refine((event) => event.type !== "sandbox.action", {
          // What a rep reads must be what really happened: lib/signals/record-action.ts records these on commit.
          message: "sandbox actions are recorded by the server when the write commits; the browser does not send them",
          path: ["type"],
        })
        .refine((event) => event.type !== "suggestion.opened", {
          message: "an opened suggestion is recorded by the server when the prospect opens it; the browser does not send it",
          path: ["type"],
        }),
    )
    .min(1)
    .max(maxEventsPerBatch),
  /** navigator.webdriver: an automated browser. Its visitor counts as a bot until it interacts. */
  webdriver: z.boolean().optional(),
  /** The browser said GPC (navigator.globalPrivacyControl) or Do-Not-Track (navigator.doNotTrack "1"). Sent in
   * the body as well as by the Sec-GPC / DNT headers because a proxy may strip headers; either one is enough. */
  noTracking: z.boolean().optional(),
});

export type SignalEvent = z.infer<typeof signalEventSchema>;
export type SignalBatch = z.infer<typeof signalBatchSchema>;
