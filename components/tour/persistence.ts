// Where a visitor is in a tour, kept in localStorage per sandbox and demo so it resumes after a reload
// or a later visit. Storage may be missing, full, disabled or hold garbage: all of that reads as "new visitor".
import { type EngineTour, initialTourState, normalizeTourState, type TourState, tourStatuses } from "./engine";

/** The part of the Web Storage API the tour uses, so tests can hand in a plain object. */
export type TourStorage = Pick<Storage, "getItem" | "setItem">;

/** Stored states carry this; index-based ones from before paths existed have none and start afresh. */
const storedVersion = 2;

/**
 * What a stored value must be to resume from; checked by hand, since zod is not shipped to the browser. Ids
 * are checked against the tour itself (normalizeTourState drops a trail's unknown steps), so nothing the page
 * did not put there can reach the state.
 */
function storedTourState(value: unknown, tour: EngineTour): TourState | undefined {
  const { v, status, stepId, trail, answers } = (value ?? {}) as Record<string, unknown>;
  const isStep = (id: unknown) => tour.steps.some((step) => step.id === id);
  const valid =
    v === storedVersion &&
    tourStatuses.includes(status as TourState["status"]) &&
    (stepId === "" || isStep(stepId)) &&
    Array.isArray(trail) &&
    trail.every((id) => typeof id === "string") &&
    typeof answers === "object" &&
    answers !== null &&
    !Array.isArray(answers) &&
    Object.entries(answers).every(([step, path]) => isStep(step) && typeof path === "string");
  return valid ? normalizeTourState(tour, { status, stepId, trail, answers } as TourState) : undefined;
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

/** Where progress goes when the browser refuses localStorage, if anywhere: see whenStorageRefused. */
let refusedFallback: (() => TourStorage | undefined) | undefined;

/**
 * Sets where progress goes when reading localStorage throws. Only an embed's frame has somewhere: a browser that
 * blocks third-party cookies refuses it localStorage but keeps partitioned cookies, so the embed's own code
 * (components/embed/EmbeddedFrame.tsx) hands its cookie storage in, and the tour ships none of it to every visitor.
 */
export function whenStorageRefused(fallback: () => TourStorage | undefined): void {
  refusedFallback = fallback;
}

/** The browser's localStorage, or where it is refused (privacy modes, blocked storage) the fallback, if any. */
export function browserTourStorage(): TourStorage | undefined {
  if (typeof window === "undefined") return undefined;
  try {
    return window.localStorage;
  } catch {
    return refusedFallback?.();
  }
}

export function loadTourState(storage: TourStorage | undefined, sandboxId: string, progressName: string, tour: EngineTour): TourState {
  try {
    const raw = storage?.getItem(tourStorageKey(sandboxId, progressName));
    if (!raw) return initialTourState;
    return storedTourState(JSON.parse(raw), tour) ?? initialTourState;
  } catch {
    return initialTourState;
  }
}

export function saveTourState(storage: TourStorage | undefined, sandboxId: string, progressName: string, state: TourState): void {
  try {
    storage?.setItem(tourStorageKey(sandboxId, progressName), JSON.stringify({ v: storedVersion, ...state }));
  } catch {
    // A full or blocked storage only costs the resume; the tour itself keeps working.
  }
}
