// The tracker's platform over a real browser window. Methods are wrapped, not passed bare: fetch and
// sendBeacon throw "Illegal invocation" when called detached from window / navigator.
import type { TrackerPlatform } from "./platform";

/** The navigator fields that carry the visitor's privacy choice (globalPrivacyControl is not in TS's DOM types yet). */
export interface PrivacySignals {
  globalPrivacyControl?: unknown;
  doNotTrack?: string | null;
}

/** Global Privacy Control, or the older Do-Not-Track: the same test the server applies to Sec-GPC / DNT headers. */
export function prefersNoTracking(navigator: PrivacySignals): boolean {
  return navigator.globalPrivacyControl === true || navigator.doNotTrack === "1";
}

function sessionStorageOf(view: Window): Storage | undefined {
  try {
    return view.sessionStorage; // Throws where the browser blocks storage for this site.
  } catch {
    return undefined;
  }
}

export function browserPlatform(view: Window): TrackerPlatform {
  const { navigator, document } = view;
  return {
    storage: sessionStorageOf(view),
    fetch: (url, init) => view.fetch(url, init),
    sendBeacon: typeof navigator.sendBeacon === "function" ? (url, data) => navigator.sendBeacon(url, data) : undefined,
    now: () => Date.now(),
    setTimeout: (callback, delayMs) => view.setTimeout(callback, delayMs),
    clearTimeout: (handle) => view.clearTimeout(handle),
    random: () => Math.random(),
    randomBytes: (length) => view.crypto.getRandomValues(new Uint8Array(length)),
    listen(event, listener) {
      const target = event === "visibilitychange" ? document : view;
      target.addEventListener(event, listener);
      return () => target.removeEventListener(event, listener);
    },
    isHidden: () => document.visibilityState === "hidden",
    webdriver: navigator.webdriver === true,
    noTracking: prefersNoTracking(navigator),
  };
}
