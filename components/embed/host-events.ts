// The product's side of an embed: when this page is the frame a host page embedded (the embed pages kept the
// embedding origin in sessionStorage, lib/embed/embed-page.ts), the tour's signals reach that page too, as the
// documented events (lib/contracts/embed-events.ts), and so does the frame's height. Posted to that origin
// only: were the frame anywhere else, the browser would drop the message. Never throws into the product.
import { type EmbedEvent, type EmbedResize, embedEventOfSignal, embedEventVersion } from "@/lib/contracts/embed-events";
import type { SignalType } from "@/lib/signals/signal-types";

// The same keys as lib/embed/embed-page.ts, which writes the first and reads the second.
const embedOriginKey = "openhouse:embed-origin";
const embedPathKey = "openhouse:embed-path";

type HostView = Pick<Window, "parent" | "sessionStorage">;
type RelayedSignal = { type: SignalType; demo?: string; step?: string; stepIndex?: number };

/** The embedding page's origin, when this page is in its frame; undefined on a page of its own. */
export function embeddingOrigin(view: HostView = window): string | undefined {
  try {
    if (view.parent === view) return undefined;
    return view.sessionStorage.getItem(embedOriginKey) ?? undefined;
  } catch {
    return undefined;
  }
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

/** Keeps the product page the frame is on, so a reload of the host page comes back to it (lib/embed/poster.ts). */
export function rememberFramePath(path: string): void {
  try {
    window.sessionStorage.setItem(embedPathKey, path);
  } catch {
    // Without storage a reload opens the copy's first page instead.
  }
}
