// The `Server-Timing` header: how long the server worked on a request before its headers left, and how much of
// that went to named parts (the session lookup, a page's queries). The front door starts the clock; code on the
// way adds parts with timed(). bench:sales reads it, so "server time" is measured by the server, not guessed
// from wall time on a shared machine; a browser's devtools show it too.
import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import type { ServerResponse } from "node:http";
import { runtime } from "@/lib/runtime/runtime";

export type RequestTiming = { started: number; parts: Map<string, number> };

/** The front door and the app's bundle are separate copies of this module; the runtime is what they share. */
const timings = () => runtime().shared("http.server-timing", () => new AsyncLocalStorage<RequestTiming>());

/** A metric name as the header's grammar allows (a token), from a label that may hold anything. */
const token = (name: string) => name.replace(/[^A-Za-z0-9_.-]/g, "-") || "part";

/**
 * Runs `fn`, adding its duration to the current request's part `name` (parts repeat: a page that looks the
 * session up twice shows the sum). Outside a timed request it only runs `fn`.
 */
export function timed<T>(name: string, fn: () => T): T {
  const timing = timings().getStore();
  if (!timing) return fn();
  const started = performance.now();
  const add = () => timing.parts.set(name, (timing.parts.get(name) ?? 0) + performance.now() - started);
  const result = fn();
  if (result instanceof Promise) return result.finally(add) as T;
  add();
  return result;
}

/** The header's value: `total;dur=…` then each part, in milliseconds with one decimal. */
export function serverTimingValue(timing: RequestTiming, now: number = performance.now()): string {
  const entries = [["total", now - timing.started] as const, ...timing.parts];
  return entries.map(([name, ms]) => `${token(name)};dur=${ms.toFixed(1)}`).join(", ");
}

/**
 * Runs `handle` for one request with a clock started; when the response writes its headers (explicitly, or
 * implicitly by a first write), they get `Server-Timing` with the time so far. A page with no Suspense
 * boundary sends its headers after its whole render, so that is the page's server time.
 */
export function withServerTiming(response: ServerResponse, handle: () => unknown): void {
  const timing: RequestTiming = { started: performance.now(), parts: new Map() };
  const writeHead = response.writeHead;
  response.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    if (!this.headersSent) this.setHeader("server-timing", serverTimingValue(timing));
    return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
  } as typeof response.writeHead;
  timings().run(timing, handle);
}
