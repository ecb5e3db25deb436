"use client";
// The team's live stream (GET /api/live/team): one EventSource per page, handlers by event type. EventSource
// reconnects by itself and sends Last-Event-ID, so nothing stored is missed or seen twice.
import { useEffect, useRef } from "react";

export type TeamStreamHandlers = Partial<Record<string, (payload: Record<string, unknown>) => void>>;

/**
 * `onOpen` runs each time the stream (re)connects: ephemeral news (activity, typing) sent before that moment
 * is not replayed, so a view rendered before it may be behind and can catch up there.
 */
export function useTeamStream(handlers: TeamStreamHandlers, onOpen?: () => void, onDrop?: () => void): void {
  const current = useRef(handlers);
  current.current = handlers;
  const opened = useRef(onOpen);
  opened.current = onOpen;
  const dropped = useRef(onDrop);
  dropped.current = onDrop;
  const types = Object.keys(handlers).sort().join(",");
  useEffect(() => {
    const source = new EventSource("/api/live/team");
    source.addEventListener("open", () => opened.current?.());
    // EventSource retries by itself after an error; the page only says it is not live meanwhile.
    source.addEventListener("error", () => dropped.current?.());
    for (const type of types.split(",").filter(Boolean)) {
      source.addEventListener(type, (event) => {
        current.current[type]?.(JSON.parse((event as MessageEvent<string>).data) as Record<string, unknown>);
      });
    }
    return () => source.close();
  }, [types]);
}
