"use client";
// The page's one tracker, created on first use over `window` and kept for the document's life: it must
// outlive client-side navigations, so no component owns it. Callers keep two plain functions.
import { tellHostPage } from "@/components/embed/host-events";
import { browserPlatform, prefersNoTracking } from "./browser-platform";
import { createTracker, type Tracker, type TrackInput } from "./create-tracker";

export type { TrackInput };

let pageTracker: Tracker | undefined;

function tracker(): Tracker | undefined {
  if (typeof window === "undefined") return undefined; // Server render: nothing to send from here.
  pageTracker ??= createTracker(browserPlatform(window));
  return pageTracker;
}

/** Binds later events to this sandbox (the server still checks it is the caller's). */
export function setTrackingSandbox(id: string | undefined): void {
  try {
    tracker()?.setSandbox(id);
  } catch {
    // Tracking must never break the product.
  }
}

export function track(input: TrackInput): void {
  try {
    tracker()?.track(input);
  } catch {
    // Tracking must never break the product.
  }
  // In an embed, the page around the frame hears of it too — for its own analytics, so not from a visitor who
  // asked not to be tracked (GPC / Do-Not-Track), as /try keeps their events unlinked.
  if (typeof window !== "undefined" && !prefersNoTracking(window.navigator)) tellHostPage(input);
}
