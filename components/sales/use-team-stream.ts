"use client";
// The team's live stream (GET /api/live/team) for a page: one stream per page, its events parsed through the
// contract and handed to `onEvent`, which narrows on `type` (components/live/open-live-stream.ts).
import { useEffect, useRef } from "react";
import { type LiveStreamCallbacks, openLiveStream } from "@/components/live/open-live-stream";
import type { LiveEventOf, TeamStreamType } from "@/lib/contracts/live-events";

export function useTeamStream<Type extends TeamStreamType>(
  types: readonly Type[],
  onEvent: (event: LiveEventOf<Type>) => void,
  callbacks: LiveStreamCallbacks = {},
): void {
  const listened = useRef(types);
  listened.current = types;
  const handle = useRef(onEvent);
  handle.current = onEvent;
  const on = useRef(callbacks);
  on.current = callbacks;
  // Reconnect only when the set of types changes, not when a render passes a new array or new handlers.
  const key = [...new Set(types)].sort().join(",");
  useEffect(() => {
    const wanted = key.split(",");
    return openLiveStream(
      "team",
      listened.current.filter((type) => wanted.includes(type)),
      (event) => handle.current(event),
      { onOpen: () => on.current.onOpen?.(), onDrop: () => on.current.onDrop?.(), onStop: () => on.current.onStop?.() },
    );
  }, [key]);
}
