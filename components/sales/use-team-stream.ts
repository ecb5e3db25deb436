"use client";
// The team's live stream (GET /api/live/team): one EventSource per page, handlers by event type. EventSource
// reconnects by itself and sends Last-Event-ID, so nothing stored is missed or seen twice.
import { useEffect, useRef } from "react";

export type TeamStreamHandlers = Partial<Record<string, (payload: Record<string, unknown>) => void>>;

export function useTeamStream(handlers: TeamStreamHandlers): void {
  const current = useRef(handlers);
  current.current = handlers;
  const types = Object.keys(handlers).sort().join(",");
  useEffect(() => {
    const source = new EventSource("/api/live/team");
    for (const type of types.split(",").filter(Boolean)) {
      source.addEventListener(type, (event) => {
        current.current[type]?.(JSON.parse((event as MessageEvent<string>).data) as Record<string, unknown>);
      });
    }
    return () => source.close();
  }, [types]);
}
