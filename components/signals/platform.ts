// What the tracker needs from a browser, handed in (like floating-ui's platform) so the tracker runs and is
// tested without one. browser-platform.ts builds it over `window`; tests build a fake they can drive.

/** The page events the tracker reacts to. */
export type PageEvent = "pagehide" | "visibilitychange" | "online";

/** The part of a fetch Response the tracker reads. */
export interface SignalsResponse {
  status: number;
  headers: { get(name: string): string | null };
}

export interface TrackerPlatform {
  /** sessionStorage, or undefined where the browser refuses it; every call may throw (quota, privacy modes). */
  storage?: Pick<Storage, "getItem" | "setItem">;
  fetch(url: string, init: RequestInit): Promise<SignalsResponse>;
  /** navigator.sendBeacon; absent in some embedded browsers. */
  sendBeacon?(url: string, data: Blob): boolean;
  now(): number;
  setTimeout(callback: () => void, delayMs: number): number;
  clearTimeout(handle: number): void;
  /** A number in [0, 1): spreads retries of many visitors apart. */
  random(): number;
  /** Cryptographically random bytes for event ids. */
  randomBytes(length: number): Uint8Array;
  /** Subscribes to a page event; returns the unsubscribe. */
  listen(event: PageEvent, listener: () => void): () => void;
  /** document.visibilityState === "hidden". */
  isHidden(): boolean;
  /** navigator.webdriver: an automation tool drives this browser. */
  webdriver: boolean;
  /** The visitor asked not to be tracked (Global Privacy Control or Do-Not-Track). */
  noTracking: boolean;
}
