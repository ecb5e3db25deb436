// The browser tracker's delivery promises, driven through a fake platform: a clock and timers the test
// advances, a fetch that answers what the test queued, page events the test fires, listeners it counts.
import { describe, expect, it } from "vitest";
import { browserPlatform, prefersNoTracking } from "@/components/signals/browser-platform";
import { batchSize, createTracker, flushDelayMs, type TrackInput } from "@/components/signals/create-tracker";
import { createOutbox, maxOutboxEvents } from "@/components/signals/outbox";
import type { PageEvent, SignalsResponse, TrackerPlatform } from "@/components/signals/platform";
import { uuidV7 } from "@/components/signals/uuid-v7";
import { type SignalBatch, type SignalEvent, signalBatchSchema } from "@/lib/signals/event-schema";

const start = Date.UTC(2026, 0, 15, 9, 0, 0);

interface FakeOptions {
  storage?: TrackerPlatform["storage"];
  sendBeacon?: boolean;
  random?: number;
  webdriver?: boolean;
  noTracking?: boolean;
}

function fakeBrowser(options: FakeOptions = {}) {
  let now = start;
  let hidden = false;
  let nextHandle = 1;
  const timers = new Map<number, { dueAt: number; callback: () => void }>();
  const listeners: { event: PageEvent; listener: () => void }[] = [];
  const answers: (SignalsResponse | Error)[] = [];
  const requests: { at: number; url: string; init: RequestInit; batch: SignalBatch }[] = [];
  const beacons: { url: string; data: Blob }[] = [];
  const stored = new Map<string, string>();
  const memoryStorage = {
    getItem: (key: string) => stored.get(key) ?? null,
    setItem: (key: string, value: string) => stored.set(key, value),
  };

  const platform: TrackerPlatform = {
    storage: "storage" in options ? options.storage : memoryStorage,
    async fetch(url, init) {
      requests.push({ at: now, url, init, batch: JSON.parse(String(init.body)) });
      const answer = answers.shift() ?? { status: 200, headers: new Headers() };
      if (answer instanceof Error) throw answer;
      return answer;
    },
    sendBeacon:
      options.sendBeacon === false
        ? undefined
        : (url, data) => {
            beacons.push({ url, data });
            return true;
          },
    now: () => now,
    setTimeout(callback, delayMs) {
      const handle = nextHandle++;
      timers.set(handle, { dueAt: now + delayMs, callback });
      return handle;
    },
    clearTimeout: (handle) => void timers.delete(handle),
    random: () => options.random ?? 0.5,
    randomBytes: (length) => crypto.getRandomValues(new Uint8Array(length)),
    listen(event, listener) {
      const entry = { event, listener };
      listeners.push(entry);
      return () => {
        const index = listeners.indexOf(entry);
        if (index >= 0) listeners.splice(index, 1);
      };
    },
    isHidden: () => hidden,
    webdriver: options.webdriver ?? false,
    noTracking: options.noTracking ?? false,
  };

  const settle = () => new Promise((resolve) => setImmediate(resolve));

  return {
    platform,
    requests,
    /** Storage as another page in this tab would find it. */
    storedEvents: (): SignalEvent[] => JSON.parse(stored.get("openhouse:signals:outbox") ?? "[]"),
    answer(status: number, headers: Record<string, string> = {}) {
      answers.push({ status, headers: new Headers(headers) });
    },
    failNetwork() {
      answers.push(new TypeError("Failed to fetch"));
    },
    async beaconBatches() {
      return Promise.all(
        beacons.map(async ({ url, data }) => ({ url, type: data.type, batch: JSON.parse(await data.text()) as SignalBatch })),
      );
    },
    emit(event: PageEvent) {
      for (const entry of listeners.filter((candidate) => candidate.event === event)) entry.listener();
    },
    setHidden(value: boolean) {
      hidden = value;
    },
    /** Moves the clock, firing due timers in order and letting each answer arrive. */
    async advance(ms: number) {
      const end = now + ms;
      for (;;) {
        await settle();
        const due = [...timers].filter(([, timer]) => timer.dueAt <= end).sort(([, a], [, b]) => a.dueAt - b.dueAt)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].dueAt;
        due[1].callback();
      }
      now = end;
      await settle();
    },
    /** Milliseconds between one request and the next. */
    gaps: () => requests.slice(1).map((request, index) => request.at - (requests[index]?.at ?? start)),
    liveTimers: () => timers.size,
    liveListeners: () => listeners.length,
  };
}

const viewed: TrackInput = { type: "step.viewed", demo: "pipeline", step: "welcome", stepIndex: 0 };

function trackMany(tracker: { track(input: TrackInput): void }, count: number): void {
  for (let index = 0; index < count; index++) tracker.track({ ...viewed, stepIndex: index % 100 });
}

const ids = (batch: SignalBatch) => batch.events.map((event) => event.id);

/** A page whose fresh tracker has already tracked `count` events. */
function pageWith(count: number, options: FakeOptions = {}) {
  const browser = fakeBrowser(options);
  const tracker = createTracker(browser.platform);
  trackMany(tracker, count);
  return { browser, tracker };
}

describe("the browser tracker", () => {
  it("sends what was tracked in one batch 1.5 s after the first event, in a shape the server accepts", async () => {
    const browser = fakeBrowser();
    const tracker = createTracker(browser.platform);
    tracker.track({ type: "demo.viewed", demo: "pipeline" });
    tracker.track(viewed);
    tracker.track({ type: "step.completed", demo: "pipeline", step: "welcome", stepIndex: 0 });

    await browser.advance(1499);
    expect(browser.requests).toHaveLength(0);
    await browser.advance(1);
    expect(browser.requests).toHaveLength(1);

    const [request] = browser.requests;
    expect(request?.url).toBe("/api/signals");
    expect(request?.init).toMatchObject({ method: "POST", keepalive: true, headers: { "content-type": "application/json" } });
    expect(signalBatchSchema.safeParse(request?.batch).success).toBe(true);
    expect(request?.batch.events.map((event) => event.type)).toEqual(["demo.viewed", "step.viewed", "step.completed"]);
    expect(request?.batch.events.every((event) => event.at === start)).toBe(true);
    expect(new Set(request ? ids(request.batch) : []).size).toBe(3);
  });

  it("sends a hand-raise at once, with what was waiting, so a rep hears of it within seconds", async () => {
    const browser = fakeBrowser();
    const tracker = createTracker(browser.platform);
    tracker.track({ type: "demo.viewed", demo: "pipeline" });
    tracker.track({ type: "handraise", demo: "pipeline" });
    await browser.advance(0);
    expect(browser.requests.map((request) => request.batch.events.map((event) => event.type))).toEqual([["demo.viewed", "handraise"]]);
  });

  it("sends 50 events a request, and a full batch without waiting", async () => {
    const { browser } = pageWith(120);
    await browser.advance(0);
    expect(browser.requests.map((request) => request.batch.events.length)).toEqual([batchSize, batchSize, 20]);
    expect(browser.requests.every((request) => request.at === start)).toBe(true);
  });

  it("lets a batch leave the outbox only once the server acknowledged it", async () => {
    const { browser } = pageWith(3);
    browser.answer(503);
    await browser.advance(flushDelayMs);
    expect(browser.storedEvents()).toHaveLength(3);

    await browser.advance(60_000);
    expect(browser.requests).toHaveLength(2);
    expect(browser.storedEvents()).toEqual([]);
  });

  it.each([400, 413, 422])("drops a batch the server refused for good (%i)", async (status) => {
    const { browser } = pageWith(3);
    browser.answer(status);
    await browser.advance(10 * 60_000);
    expect(browser.requests).toHaveLength(1);
    expect(browser.storedEvents()).toEqual([]);
  });

  it.each([429, 500, 503])("keeps a batch answered %i and offers it again", async (status) => {
    const { browser } = pageWith(3);
    browser.answer(status);
    await browser.advance(flushDelayMs);
    expect(browser.storedEvents()).toHaveLength(3);
    await browser.advance(60_000);
    expect(browser.requests).toHaveLength(2);
    expect(browser.requests[1]?.batch.events).toEqual(browser.requests[0]?.batch.events);
  });

  it("backs off exponentially from 1 s, capped at 60 s", async () => {
    const { browser } = pageWith(1, { random: 0.5 }); // 0.5: no jitter
    for (let failure = 0; failure < 9; failure++) browser.answer(503);
    await browser.advance(10 * 60_000);
    expect(browser.gaps()).toEqual([1000, 2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000, 60_000]);
  });

  it("spreads retries by up to 20% either way, never past the 60 s cap", async () => {
    const { browser: early } = pageWith(1, { random: 0 });
    early.answer(503);
    await early.advance(flushDelayMs + 799);
    expect(early.requests).toHaveLength(1);
    await early.advance(1);
    expect(early.requests).toHaveLength(2);

    const { browser: late } = pageWith(1, { random: 0.999 });
    for (let failure = 0; failure < 8; failure++) late.answer(503);
    await late.advance(10 * 60_000);
    expect(late.gaps()[0]).toBeCloseTo(1199.6, 0);
    expect(Math.max(...late.gaps())).toBe(60_000);
  });

  it("waits at least as long as Retry-After asks, in seconds or as a date", async () => {
    const { browser: seconds } = pageWith(1, { random: 0 });
    seconds.answer(503, { "retry-after": "10" });
    await seconds.advance(flushDelayMs + 9_999);
    expect(seconds.requests).toHaveLength(1);
    await seconds.advance(1);
    expect(seconds.requests).toHaveLength(2);

    const { browser: date } = pageWith(1, { random: 0 });
    date.answer(429, { "retry-after": new Date(start + 30_000).toUTCString() });
    await date.advance(29_999);
    expect(date.requests).toHaveLength(1);
    await date.advance(1);
    expect(date.requests).toHaveLength(2);
  });

  it("does not cut a backoff short when more events arrive, even a full batch", async () => {
    const { browser, tracker } = pageWith(1, { random: 0 });
    browser.answer(503, { "retry-after": "30" });
    await browser.advance(flushDelayMs);
    trackMany(tracker, batchSize + 5);
    await browser.advance(29_999);
    expect(browser.requests).toHaveLength(1);
    await browser.advance(1);
    expect(browser.requests.map((request) => request.batch.events.length)).toEqual([1, batchSize, 6]);
  });

  it("tries again at once when the browser comes back online", async () => {
    const { browser } = pageWith(2);
    browser.failNetwork();
    await browser.advance(flushDelayMs);
    expect(browser.storedEvents()).toHaveLength(2);
    browser.emit("online");
    await browser.advance(0);
    expect(browser.requests).toHaveLength(2);
    expect(browser.storedEvents()).toEqual([]);
  });

  it("sends the rest by beacon as text/plain on page hide, and keeps it for the next page", async () => {
    const { browser } = pageWith(60);
    browser.emit("pagehide");
    const beacons = await browser.beaconBatches();
    expect(beacons.map((beacon) => beacon.batch.events.length)).toEqual([50, 10]);
    expect(beacons.every((beacon) => beacon.url === "/api/signals" && beacon.type === "text/plain;charset=utf-8")).toBe(true);
    expect(beacons.every((beacon) => signalBatchSchema.safeParse(beacon.batch).success)).toBe(true);
    expect(browser.storedEvents()).toHaveLength(60);
  });

  it("sends by beacon when the tab is hidden, not when it becomes visible", async () => {
    const { browser } = pageWith(2);
    browser.emit("visibilitychange");
    expect(await browser.beaconBatches()).toHaveLength(0);
    browser.setHidden(true);
    browser.emit("visibilitychange");
    expect(await browser.beaconBatches()).toHaveLength(1);
  });

  it("keeps the events where the browser has no sendBeacon", async () => {
    const { browser } = pageWith(2, { sendBeacon: false });
    expect(() => browser.emit("pagehide")).not.toThrow();
    expect(browser.storedEvents()).toHaveLength(2);
  });

  it("sends what a previous page left unacknowledged as soon as it starts", async () => {
    const browser = fakeBrowser();
    const previousPage = createTracker(browser.platform);
    trackMany(previousPage, 2);
    browser.emit("pagehide");
    previousPage.stop();
    const left = browser.storedEvents().map((event) => event.id);

    createTracker(browser.platform);
    await browser.advance(0);
    expect(browser.requests).toHaveLength(1);
    expect(browser.requests[0] && ids(browser.requests[0].batch)).toEqual(left);
    expect(browser.storedEvents()).toEqual([]);
  });

  it("marks every batch noTracking when the browser asks for GPC or Do-Not-Track", async () => {
    const { browser: asked } = pageWith(2, { noTracking: true });
    asked.emit("pagehide");
    await asked.advance(flushDelayMs);
    expect(asked.requests[0]?.batch.noTracking).toBe(true);
    expect((await asked.beaconBatches())[0]?.batch.noTracking).toBe(true);

    const { browser: silent } = pageWith(2, { noTracking: false });
    await silent.advance(flushDelayMs);
    expect(silent.requests[0]?.batch).not.toHaveProperty("noTracking");
  });

  it("reads the privacy choice from navigator.globalPrivacyControl and navigator.doNotTrack", () => {
    expect(prefersNoTracking({ globalPrivacyControl: true })).toBe(true);
    expect(prefersNoTracking({ doNotTrack: "1" })).toBe(true);
    expect(prefersNoTracking({ globalPrivacyControl: false, doNotTrack: "0" })).toBe(false);
    expect(prefersNoTracking({ doNotTrack: null })).toBe(false);
    expect(prefersNoTracking({})).toBe(false);
  });

  it("says so when an automation tool drives the browser, and names the sandbox set last", async () => {
    const browser = fakeBrowser({ webdriver: true });
    const tracker = createTracker(browser.platform);
    tracker.setSandbox("sbx_one");
    trackMany(tracker, 1);
    tracker.setSandbox("sbx_two");
    await browser.advance(flushDelayMs);
    expect(browser.requests[0]?.batch).toMatchObject({ webdriver: true, sandbox: "sbx_two" });
  });

  it("keeps working from memory when storage throws or is missing", async () => {
    const refusing = {
      getItem(): string | null {
        throw new DOMException("blocked", "SecurityError");
      },
      setItem(): void {
        throw new DOMException("full", "QuotaExceededError");
      },
    };
    for (const storage of [refusing, undefined]) {
      const browser = fakeBrowser({ storage });
      const tracker = createTracker(browser.platform);
      expect(() => trackMany(tracker, 2)).not.toThrow();
      await browser.advance(flushDelayMs);
      trackMany(tracker, 1);
      await browser.advance(flushDelayMs);
      expect(browser.requests.map((request) => request.batch.events.length)).toEqual([2, 1]);
    }
  });

  it("starts empty when storage holds garbage", async () => {
    const browser = fakeBrowser({ storage: { getItem: () => "{not json", setItem() {} } });
    createTracker(browser.platform);
    await browser.advance(60_000);
    expect(browser.requests).toHaveLength(0);
  });

  it("stop() removes every listener and timer it added, and sends nothing after", async () => {
    const { browser, tracker } = pageWith(2);
    expect(browser.liveListeners()).toBe(3);
    expect(browser.liveTimers()).toBe(1);

    tracker.stop();
    expect(browser.liveListeners()).toBe(0);
    expect(browser.liveTimers()).toBe(0);
    trackMany(tracker, 1);
    await tracker.flush();
    await browser.advance(10 * 60_000);
    expect(browser.liveTimers()).toBe(0);
    expect(browser.requests).toHaveLength(0);
    expect(browser.storedEvents()).toHaveLength(3); // Left for the next page.
  });

  it("stop() also cancels a pending retry", async () => {
    const { browser, tracker } = pageWith(1);
    browser.answer(503);
    await browser.advance(flushDelayMs);
    expect(browser.liveTimers()).toBe(1);
    tracker.stop();
    expect(browser.liveTimers()).toBe(0);
  });
});

describe("the browser platform", () => {
  /** Just enough of a window: real EventTargets for window and document, and methods that check their `this`. */
  function fakeWindow(options: { storageThrows?: boolean } = {}) {
    const view = Object.assign(new EventTarget(), {
      document: Object.assign(new EventTarget(), { visibilityState: "visible" }),
      navigator: {
        webdriver: false,
        doNotTrack: "1",
        sendBeacon(this: unknown) {
          return this === view.navigator; // Detached from navigator, the real one throws "Illegal invocation".
        },
      },
      crypto,
      fetch(this: unknown) {
        if (this !== view) throw new TypeError("Illegal invocation");
        return Promise.resolve({ status: 200, headers: new Headers() });
      },
    });
    return Object.defineProperty(view, "sessionStorage", {
      get() {
        if (options.storageThrows) throw new DOMException("blocked", "SecurityError");
        return { getItem: () => null, setItem() {} };
      },
    });
  }

  it("listens for visibilitychange on the document and the rest on the window, and lets go", () => {
    const view = fakeWindow();
    const platform = browserPlatform(view as unknown as Window);
    const heard: string[] = [];
    const cleanups = (["pagehide", "visibilitychange", "online"] as const).map((event) => platform.listen(event, () => heard.push(event)));
    view.dispatchEvent(new Event("pagehide"));
    view.dispatchEvent(new Event("online"));
    view.document.dispatchEvent(new Event("visibilitychange")); // The browser fires it on document only.
    expect(heard).toEqual(["pagehide", "online", "visibilitychange"]);

    for (const cleanup of cleanups) cleanup();
    view.dispatchEvent(new Event("pagehide"));
    view.document.dispatchEvent(new Event("visibilitychange"));
    expect(heard).toHaveLength(3);
  });

  it("calls fetch and sendBeacon on their owners, reads the privacy choice, and treats blocked storage as none", async () => {
    const platform = browserPlatform(fakeWindow({ storageThrows: true }) as unknown as Window);
    await expect(platform.fetch("/api/signals", {})).resolves.toMatchObject({ status: 200 });
    expect(platform.sendBeacon?.("/api/signals", new Blob([]))).toBe(true);
    expect(platform.noTracking).toBe(true);
    expect(platform.storage).toBeUndefined();
    expect(platform.randomBytes(10)).toHaveLength(10);
  });
});

describe("the outbox", () => {
  const event = (index: number): SignalEvent => ({ id: `id-${index}`, type: "step.viewed", at: start + index });

  it("keeps at most 500 events, dropping the oldest", () => {
    const outbox = createOutbox(undefined);
    for (let index = 0; index < maxOutboxEvents + 10; index++) outbox.add(event(index));
    expect(outbox.read()).toHaveLength(maxOutboxEvents);
    expect(outbox.read()[0]?.id).toBe("id-10");
  });

  it("holds an event id once", () => {
    const outbox = createOutbox(undefined);
    outbox.add(event(1));
    outbox.add({ ...event(1), type: "tour.closed" });
    expect(outbox.read()).toEqual([event(1)]);
  });
});

describe("event ids", () => {
  it("are UUIDv7, ordered by time", () => {
    const random = () => crypto.getRandomValues(new Uint8Array(10));
    const earlier = uuidV7(start, random());
    const later = uuidV7(start + 1, random());
    expect(earlier).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(earlier.slice(0, 13).replace("-", "")).toBe(start.toString(16).padStart(12, "0"));
    expect(earlier < later).toBe(true);
    expect(uuidV7(start, new Uint8Array(10).fill(255))).toBe(`${earlier.slice(0, 13)}-7fff-bfff-ffffffffffff`);
  });
});
