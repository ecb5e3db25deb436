"use client";
// The team's live stream (GET /api/live/team): one EventSource per page, handlers by event type. EventSource
// reconnects by itself and sends Last-Event-ID, so nothing stored is missed or seen twice. When a newer tab of
// the same member takes over (the server's per-person cap), this one closes for good and says so.
import { useEffect, useRef } from "react";
import { supersededEvent } from "@/lib/live/stream-events";

export type TeamStreamHandlers = Partial<Record<string, (payload: Record<string, unknown>) => void>>;

export type TeamStreamCallbacks = {
  /**
   * Runs each time the stream (re)connects: ephemeral news (activity, typing) sent before that moment is not
   * replayed, so a view rendered before it may be behind and can catch up there.
   */
  onOpen?: () => void;
  /** The connection dropped; EventSource retries by itself meanwhile. */
  onDrop?: () => void;
  /** A newer tab took the live updates over, or the server refused this one: no more retries in this tab. */
  onStop?: () => void;
};

export function useTeamStream(handlers: TeamStreamHandlers, callbacks: TeamStreamCallbacks = {}): void {
  const current = useRef(handlers);
  current.current = handlers;
  const on = useRef(callbacks);
  on.current = callbacks;
  const types = Object.keys(handlers).sort().join(",");
  useEffect(() => {
    const source = new EventSource("/api/live/team");
    source.addEventListener("open", () => on.current.onOpen?.());
    source.addEventListener("error", () => {
      // CLOSED: the server answered with an error status, and EventSource does not retry that.
      if (source.readyState === EventSource.CLOSED) on.current.onStop?.();
      else on.current.onDrop?.();
    });
    source.addEventListener(supersededEvent, () => {
      source.close();
      on.current.onStop?.();
    });
    for (const type of types.split(",").filter(Boolean)) {
      source.addEventListener(type, (event) => {
        current.current[type]?.(JSON.parse((event as MessageEvent<string>).data) as Record<string, unknown>);
      });
    }
    return () => source.close();
  }, [types]);
}
