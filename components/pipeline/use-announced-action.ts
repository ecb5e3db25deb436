"use client";
// A write the server has recorded (lib/signals/record-action.ts) is announced to the tour, which may be waiting
// for it. The browser reports nothing itself: the tour and the rep learn of the action from the same answer.
import { useEffect } from "react";
import { announceSandboxAction } from "@/components/tour/actions";
import type { ActionState } from "@/lib/pipeline/action-state";

export function useAnnouncedAction(state: ActionState): void {
  const kind = state.action?.kind;
  // `done` is new on every success, so each write is announced once.
  useEffect(() => {
    if (state.done && kind) announceSandboxAction(kind);
  }, [state.done, kind]);
}
