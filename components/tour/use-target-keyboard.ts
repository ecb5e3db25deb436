"use client";
// On a step that waits for the visitor to use the highlighted control, Tab leads from the popover to that
// control and Shift+Tab back, wherever the two sit in the page's own order (keyboard.ts says where).
import { type RefObject, useEffect } from "react";
import { tabBridge } from "./keyboard";

export function useTargetKeyboard(popoverRef: RefObject<HTMLElement | null>, target: HTMLElement | null, enabled: boolean): void {
  useEffect(() => {
    if (!enabled || !target) return;
    const onKeyDown = (event: KeyboardEvent) => {
      const popover = popoverRef.current;
      const next = popover ? tabBridge(event, popover, target) : null;
      if (!next) return;
      event.preventDefault();
      next.focus();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [popoverRef, target, enabled]);
}
