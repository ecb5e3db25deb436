// Where a visitor is in a tour, kept in localStorage per sandbox and demo so it resumes after a reload
// or a later visit. Storage may be missing, full, disabled or hold garbage: all of that reads as "new visitor".
import { z } from "zod";
import { initialTourState, normalizeTourState, type TourState, tourStatuses } from "./engine";

/** The part of the Web Storage API the tour uses, so tests can hand in a plain object. */
export type TourStorage = Pick<Storage, "getItem" | "setItem">;

const storedTourState = z.object({
  status: z.enum(tourStatuses),
  index: z.number().int().min(0),
});

export function tourStorageKey(sandboxId: string, demoSlug: string): string {
  return `openhouse:tour:${sandboxId}:${demoSlug}`;
}

/** The browser's localStorage, or undefined where reading it throws (privacy modes, blocked storage). */
export function browserTourStorage(): TourStorage | undefined {
  try {
    return typeof window === "undefined" ? undefined : window.localStorage;
  } catch {
    return undefined;
  }
}

export function loadTourState(storage: TourStorage | undefined, sandboxId: string, demoSlug: string, stepCount: number): TourState {
  try {
    const raw = storage?.getItem(tourStorageKey(sandboxId, demoSlug));
    if (!raw) return initialTourState;
    const parsed = storedTourState.safeParse(JSON.parse(raw));
    if (!parsed.success) return initialTourState;
    return normalizeTourState(stepCount, parsed.data);
  } catch {
    return initialTourState;
  }
}

export function saveTourState(storage: TourStorage | undefined, sandboxId: string, demoSlug: string, state: TourState): void {
  try {
    storage?.setItem(tourStorageKey(sandboxId, demoSlug), JSON.stringify({ status: state.status, index: state.index }));
  } catch {
    // A full or blocked storage only costs the resume; the tour itself keeps working.
  }
}
