// The product's side of an embed: when this page is the frame a host page embedded (the server knows the
// embedding origin from the frame's partitioned cookie, lib/embed/start-embed.ts), the tour's signals reach that page too, as the
// documented events (lib/contracts/embed-events.ts), and so does the frame's height. Posted to that origin
// only: were the frame anywhere else, the browser would drop the message. Never throws into the product.
import { type EmbedEvent, type EmbedResize, embedEventOfSignal, embedEventVersion } from "@/lib/contracts/embed-events";
import type { SignalType } from "@/lib/signals/signal-types";

type RelayedSignal = { type: SignalType; demo?: string; step?: string; stepIndex?: number };

/** The embedding page's origin, as the server read it from the frame's partitioned cookie (EmbeddedFrame). */
let hostOrigin: string | undefined;

export function setEmbeddingOrigin(origin: string | undefined): void {
  hostOrigin = origin;
}

/** The embedding page's origin, when this page is in its frame; undefined on a page of its own. */
export function embeddingOrigin(view: Pick<Window, "parent"> = window): string | undefined {
  return view.parent === view ? undefined : hostOrigin;
}

function isRelayed(type: SignalType): type is keyof typeof embedEventOfSignal {
  return type in embedEventOfSignal;
}

/** The host page's event for one of the tour's signals; ids and positions only, never what the visitor typed. */
export function embedEventFor(signal: RelayedSignal): EmbedEvent | undefined {
  if (!isRelayed(signal.type) || !signal.demo) return undefined;
  return {
    source: "openhouse",
    version: embedEventVersion,
    type: embedEventOfSignal[signal.type],
    demo: signal.demo,
    ...(signal.step ? { step: signal.step } : {}),
    ...(signal.stepIndex !== undefined ? { stepIndex: signal.stepIndex } : {}),
  };
}

export function tellHostPage(signal: RelayedSignal): void {
  try {
    const origin = embeddingOrigin();
    const event = origin ? embedEventFor(signal) : undefined;
    if (origin && event) window.parent.postMessage(event, origin);
  } catch {
    // The host page hearing of it is a courtesy; the demo goes on.
  }
}

/** Tells the host page this frame's height whenever it changes; returns the cleanup. */
export function reportFrameHeight(origin: string): () => void {
  const root = document.documentElement;
  root.dataset.embedded = "";
  let last = 0;
  const observer = new ResizeObserver(() => {
    // The body's scroll height counts what overflows it (the conversation panel below its button) and, unlike
    // the root's, not the frame's own height, so the frame can shrink again.
    const height = Math.ceil(Math.max(root.getBoundingClientRect().height, document.body.scrollHeight));
    if (height === last) return;
    last = height;
    const message: EmbedResize = { source: "openhouse", version: embedEventVersion, type: "resize", height };
    window.parent.postMessage(message, origin);
  });
  observer.observe(root);
  observer.observe(document.body);
  return () => {
    observer.disconnect();
    delete root.dataset.embedded;
  };
}
