// The one channel between the sample product and the tour: product code announces what the visitor
// really did, the tour player listens. A DOM event keeps the two free of imports of each other's state.
// Plain lists, not the zod schema: this runs in the browser, which never downloads a validation library.
import { isSandboxActionKind, type SandboxActionKind } from "@/lib/signals/signal-types";

export const sandboxActionEventName = "openhouse:action";

export interface SandboxActionDetail {
  kind: SandboxActionKind;
}

/** Call after the visitor really did something in the sandbox (e.g. a deal was saved). */
export function announceSandboxAction(kind: SandboxActionKind, target?: EventTarget): void {
  const channel = target ?? (typeof window === "undefined" ? undefined : window);
  channel?.dispatchEvent(new CustomEvent<SandboxActionDetail>(sandboxActionEventName, { detail: { kind } }));
}

/** Calls handler for each announced action; anything else dispatched under the same name is ignored. */
export function listenForSandboxActions(handler: (kind: SandboxActionKind) => void, target?: EventTarget): () => void {
  const channel = target ?? (typeof window === "undefined" ? undefined : window);
  if (!channel) return () => {};
  const onAction = (event: Event) => {
    const detail: unknown = event instanceof CustomEvent ? event.detail : undefined;
    const kind = typeof detail === "object" && detail !== null ? (detail as Record<string, unknown>).kind : undefined;
    if (isSandboxActionKind(kind)) handler(kind);
  };
  channel.addEventListener(sandboxActionEventName, onAction);
  return () => channel.removeEventListener(sandboxActionEventName, onAction);
}
