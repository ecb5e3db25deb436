"use client";
// A write the server has recorded (lib/signals/record-action.ts) is announced to the tour, which may be waiting
// for it. The browser reports nothing itself: the tour and the rep learn of the action from the same answer.
import { useEffect } from "react";
import { announceSandboxAction } from "@/components/tour/actions";
import type { ActionState } from "@/lib/pipeline/action-state";

export function useAnnouncedAction(state: ActionState): void {
  const action = state.action;
  // `done` is new on every success, so each write is announced once.
  // biome-ignore lint/correctness/useExhaustiveDependencies: state.done is the trigger; the action comes with it.
  useEffect(() => {
    if (state.done && action) announceSandboxAction(action.kind, action.detail);
  }, [state.done]);
}
