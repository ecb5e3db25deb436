"use client";
// Screen readers hear each step change (and a missing target) through one polite live region that lives as
// long as the player, so it exists before its text changes — a region added with its text is not read.
import { useEffect, useRef } from "react";
import { targetWords } from "./target-words";
import { tourWords } from "./tour-words";
import type { TargetStatus } from "./use-step-placement";

export function useStepAnnouncement(lang: string, title: string | undefined, index: number, total: number, status: TargetStatus): void {
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
    const missing = status === "missing" ? ` ${targetWords(lang).missing}` : "";
    live.textContent = `${tourWords(lang).progress(index + 1, total)}: ${title}.${missing}`;
  }, [lang, title, index, total, status]);
}
