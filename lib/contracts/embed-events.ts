// What an embedded demo tells the page embedding it (issue #21), version 1: one message per event, posted to
// the embedding origin only, and re-emitted by the loader as a `window` event named "openhouse" whose detail is
// the message. Ids and step names only — never anything the visitor typed. Documented in docs/embedding.md;
// a change that is not an addition is version 2.
import type { SignalType } from "@/lib/signals/signal-types";

export const embedEventVersion = 1;

/** The tour's own signals, and the name each has for the host page. */
export const embedEventOfSignal = {
  "tour.started": "demo.started",
  "step.viewed": "step.viewed",
  "step.completed": "step.completed",
  "tour.finished": "demo.finished",
  "cta.clicked": "cta.clicked",
  handraise: "hand.raised",
} as const satisfies Partial<Record<SignalType, string>>;

export type EmbedEventType = (typeof embedEventOfSignal)[keyof typeof embedEventOfSignal];

export type EmbedEvent = {
  source: "openhouse";
  version: typeof embedEventVersion;
  type: EmbedEventType;
  /** The demo's slug. */
  demo: string;
  /** The step's id (its name in demo.yaml), for the step events and a call to action. */
  step?: string;
  /** The step's position on the visitor's path, from 0. */
  stepIndex?: number;
};

/** The loader's own message: the frame's content height, so the host page shows no second scroll bar. */
export type EmbedResize = { source: "openhouse"; version: typeof embedEventVersion; type: "resize"; height: number };
