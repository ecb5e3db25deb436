// The one channel between the sample product and the tour: product code announces what the visitor
// really did (as the server recorded it: kind and bounded detail), the tour player listens. A DOM event keeps
// the two free of imports of each other's state.
// No validation library and no list of kinds: this runs in the browser, and a kind no step waits for moves nothing
// (the engine matches kind and fields against the step's waitFor), so the listener only keeps the event's shape.
import type { SandboxActionKind } from "@/lib/signals/signal-types";

export const sandboxActionEventName = "openhouse:action";

export interface SandboxActionDetail {
  /** A SandboxActionKind when the product sent it; any text from anything else on the page. */
  kind: string;
  /** The recorded action's detail fields (deal, stage, count…), which a waitFor step may match. */
  detail: Record<string, string | number>;
}

/** Call after the server recorded something the visitor really did in the sandbox (e.g. a deal was saved). */
export function announceSandboxAction(kind: SandboxActionKind, detail: Record<string, string | number> = {}, target?: EventTarget): void {
  const channel = target ?? (typeof window === "undefined" ? undefined : window);
  channel?.dispatchEvent(new CustomEvent<SandboxActionDetail>(sandboxActionEventName, { detail: { kind, detail } }));
}

/** Only string and number fields survive: anything else on the channel is not from the product. */
function plainDetail(value: unknown): Record<string, string | number> {
  if (typeof value !== "object" || value === null) return {};
  return Object.fromEntries(
    Object.entries(value).filter(
      (entry): entry is [string, string | number] => typeof entry[1] === "string" || typeof entry[1] === "number",
    ),
  );
}

/** Calls handler for each announced action; an event under the same name without a kind is ignored. */
export function listenForSandboxActions(handler: (action: SandboxActionDetail) => void, target?: EventTarget): () => void {
  const channel = target ?? (typeof window === "undefined" ? undefined : window);
  if (!channel) return () => {};
  const onAction = (event: Event) => {
    const detail: unknown = event instanceof CustomEvent ? event.detail : undefined;
    const record = typeof detail === "object" && detail !== null ? (detail as Record<string, unknown>) : {};
    if (typeof record.kind === "string") handler({ kind: record.kind, detail: plainDetail(record.detail) });
  };
  channel.addEventListener(sandboxActionEventName, onAction);
  return () => channel.removeEventListener(sandboxActionEventName, onAction);
}

export const showStepEventName = "openhouse:show-step";

/** "Show me" on a rep's suggestion of a tour step: the tour player, wherever it is, shows that step. */
export function askTourToShowStep(stepId: string, target?: EventTarget): void {
  const channel = target ?? (typeof window === "undefined" ? undefined : window);
  channel?.dispatchEvent(new CustomEvent<{ stepId: string }>(showStepEventName, { detail: { stepId } }));
}

/** Calls handler with each step asked for; anything else under the same name is ignored. */
export function listenForShowStep(handler: (stepId: string) => void, target?: EventTarget): () => void {
  const channel = target ?? (typeof window === "undefined" ? undefined : window);
  if (!channel) return () => {};
  const onAsk = (event: Event) => {
    const detail: unknown = event instanceof CustomEvent ? event.detail : undefined;
    const stepId = typeof detail === "object" && detail !== null ? (detail as Record<string, unknown>).stepId : undefined;
    if (typeof stepId === "string") handler(stepId);
  };
  channel.addEventListener(showStepEventName, onAsk);
  return () => channel.removeEventListener(showStepEventName, onAsk);
}
