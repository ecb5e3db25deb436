"use client";
// Screen readers hear each step change (and a missing target) through one polite live region that lives as
// long as the player, so it exists before its text changes — a region added with its text is not read.
import { useEffect, useRef } from "react";
import type { TourWords } from "@/lib/demos/tour-words";
import { progressText } from "./progress-text";
import type { TargetStatus } from "./use-step-placement";

export function useStepAnnouncement(words: TourWords, title: string | undefined, index: number, total: number, status: TargetStatus): void {
  const region = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const live = document.createElement("div");
    live.className = "tour-live";
    live.setAttribute("role", "status");
    live.setAttribute("aria-live", "polite");
    document.body.append(live);
    region.current = live;
    return () => {
      live.remove();
      region.current = null;
    };
  }, []);

  useEffect(() => {
    const live = region.current;
    if (!live) return;
    if (title === undefined) {
      live.textContent = "";
      return;
    }
    const missing = status === "missing" ? ` ${words.missing}` : "";
    live.textContent = `${progressText(words, index + 1, total)}: ${title}.${missing}`;
  }, [words, title, index, total, status]);
}
