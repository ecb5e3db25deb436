"use client";
// Keeps a server-rendered page current without polling: the team stream says something happened (a hand-raise,
// a message, activity), and the page re-renders on the server, at most once a second. It also re-renders once
// the stream is open: what happened between the server render and the connection (activity is not stored, so
// not replayed) would otherwise wait for the next event. If the stream stops for good in this tab (a newer tab
// of the same member took it over), the page says so rather than silently going stale.
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import type { TeamStreamType } from "@/lib/contracts/live-events";
import { useTeamStream } from "./use-team-stream";

const atMostEveryMs = 1_000;

/** What a workspace page says once its live updates stopped for good in this tab. */
export const liveStoppedSentence = "Live updates stopped in this tab (your newer tabs have them). Reload the page to bring them back here.";

export function LiveRefresh({ on }: { on: TeamStreamType[] }) {
  const router = useRouter();
  const last = useRef(0);
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const refresh = () => {
    if (pending.current) return;
    const wait = Math.max(0, last.current + atMostEveryMs - Date.now());
    pending.current = setTimeout(() => {
      pending.current = undefined;
      last.current = Date.now();
      router.refresh();
    }, wait);
  };
  const [stopped, setStopped] = useState(false);
  useTeamStream(on, refresh, { onOpen: refresh, onStop: () => setStopped(true) });
  return stopped ? (
    <p className="muted" role="status" data-testid="live-stopped">
      {liveStoppedSentence}
    </p>
  ) : null;
}
