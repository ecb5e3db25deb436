// Where a visitor is in a tour, kept in localStorage per sandbox and demo so it resumes after a reload
// or a later visit. Storage may be missing, full, disabled or hold garbage: all of that reads as "new visitor".
import { initialTourState, normalizeTourState, type TourState, tourStatuses } from "./engine";

/** The part of the Web Storage API the tour uses, so tests can hand in a plain object. */
export type TourStorage = Pick<Storage, "getItem" | "setItem">;

/** What a stored value must be to resume from; checked by hand, since zod is not shipped to the browser. */
function storedTourState(value: unknown): Pick<TourState, "status" | "index"> | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const { status, index } = value as Record<string, unknown>;
  if (!(tourStatuses as readonly unknown[]).includes(status)) return undefined;
  if (typeof index !== "number" || !Number.isInteger(index) || index < 0) return undefined;
  return { status: status as TourState["status"], index };
}

/** What progress is kept under: the demo, and the persona's branch when the visitor chose one. */
export function tourProgressName(demo: { slug: string; persona?: string }): string {
  return demo.persona ? `${demo.slug}:${demo.persona}` : demo.slug;
}

export function tourStorageKey(sandboxId: string, progressName: string): string {
  return `openhouse:tour:${sandboxId}:${progressName}`;
}

/** Forgets every tour's progress in one sandbox, whichever persona's branch it was on (Reset demo). */
export function forgetTourProgress(sandboxId: string, storage?: Pick<Storage, "key" | "length" | "removeItem">): void {
  try {
    const store = storage ?? window.localStorage;
    const prefix = tourStorageKey(sandboxId, "");
    const keys = Array.from({ length: store.length }, (_, index) => store.key(index)).filter((key) => key?.startsWith(prefix));
    for (const key of keys) if (key) store.removeItem(key);
  } catch {
    // Blocked storage holds no progress to clear.
  }
}

/** The browser's localStorage, or undefined where reading it throws (privacy modes, blocked storage). */
export function browserTourStorage(): TourStorage | undefined {
  try {
    return typeof window === "undefined" ? undefined : window.localStorage;
  } catch {
    return undefined;
  }
}

export function loadTourState(storage: TourStorage | undefined, sandboxId: string, progressName: string, stepCount: number): TourState {
  try {
    const raw = storage?.getItem(tourStorageKey(sandboxId, progressName));
    if (!raw) return initialTourState;
    const stored = storedTourState(JSON.parse(raw));
    return stored ? normalizeTourState(stepCount, stored) : initialTourState;
  } catch {
    return initialTourState;
  }
}

export function saveTourState(storage: TourStorage | undefined, sandboxId: string, progressName: string, state: TourState): void {
  try {
    storage?.setItem(tourStorageKey(sandboxId, progressName), JSON.stringify({ status: state.status, index: state.index }));
  } catch {
    // A full or blocked storage only costs the resume; the tour itself keeps working.
  }
}
