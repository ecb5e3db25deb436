"use client";
// Re-renders a studio page when the demo files changed (lib/studio/demo-version.ts has the contract). Polls
// only where a watcher runs (`npm run dev`); under `npm start` it renders nothing and asks nothing.
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";

const everyMs = 1_000;
/** A refresh not rendered by then is asked for again (a dev server restarting can drop one). */
const retryMs = 10_000;

export function DemosChangedRefresh({ version, watching }: { version: number; watching: boolean }) {
  const router = useRouter();
  const rendered = useRef(version);
  rendered.current = version;
  // One refresh per new version: on a busy machine a dev render takes longer than a tick, and a refresh asked for
  // every tick aborted the one before it, so the page never showed the edit.
  const asked = useRef<{ version: number; at: number } | undefined>(undefined);
  useEffect(() => {
    if (!watching) return;
    let stopped = false;
    const timer = setInterval(async () => {
      try {
        const response = await fetch("/api/studio/demo-version", { cache: "no-store", credentials: "same-origin" });
        if (!response.ok || stopped) return;
        const body = (await response.json()) as { version?: unknown };
        if (typeof body.version !== "number" || body.version === rendered.current) return;
        const now = Date.now();
        if (asked.current?.version === body.version && now - asked.current.at < retryMs) return;
        asked.current = { version: body.version, at: now };
        router.refresh();
      } catch {
        // The dev server restarting: the next tick asks again.
      }
    }, everyMs);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [watching, router]);
  return watching ? (
    <p className="muted studio-watching" role="status">
      Watching demos/: edits show here as you save.
    </p>
  ) : null;
}
