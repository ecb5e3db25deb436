"use client";
// Keeps a server-rendered page current without polling: the team stream says something happened (a hand-raise,
// a message, activity), and the page re-renders on the server, at most once a second. It also re-renders once
// the stream is open: what happened between the server render and the connection (activity is not stored, so
// not replayed) would otherwise wait for the next event.
import { useRouter } from "next/navigation";
import { useRef } from "react";
import { useTeamStream } from "./use-team-stream";

const atMostEveryMs = 1_000;

export function LiveRefresh({ on }: { on: string[] }) {
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
  useTeamStream(Object.fromEntries(on.map((type) => [type, refresh])), refresh);
  return null;
}
