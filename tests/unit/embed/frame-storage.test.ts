// Where the tour keeps its progress when the browser refuses a frame localStorage (third-party cookies blocked:
// Chrome's Incognito, for one): in partitioned cookies, which only the embed's own code brings
// (components/embed/EmbeddedFrame.tsx hands them to the tour), so the tour does not ship them to every visitor.
// The browser's window and cookie jar are stood in for here; the frames themselves are tests/e2e/embed.spec.ts.
import { afterEach, describe, expect, it, vi } from "vitest";
import type { EngineTour, TourState } from "@/components/tour/engine";

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

const tour: EngineTour = {
  start: "welcome",
  steps: [
    { id: "welcome", kind: "modal", next: "board" },
    { id: "board", kind: "popover", next: "end" },
    { id: "end", kind: "cta", cta: { label: "Talk", url: "https://example.com" } },
  ],
};
const atBoard: TourState = { status: "active", stepId: "board", trail: ["welcome"], answers: {} };

/** A window whose localStorage throws as a refused one does, framed or not, and a cookie jar that records each write. */
function refusingBrowser(framed: boolean) {
  const jar = new Map<string, string>();
  const written: string[] = [];
  const self: Record<string, unknown> = {
    get localStorage(): Storage {
      throw new DOMException("Access is denied for this document.", "SecurityError");
    },
  };
  self.parent = framed ? {} : self;
  vi.stubGlobal("window", self);
  vi.stubGlobal("document", {
    get cookie() {
      return [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
    },
    set cookie(line: string) {
      written.push(line);
      const pair = line.split(";")[0] ?? "";
      jar.set(pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1));
    },
  });
  return { written };
}

describe("the tour's progress in an embed's frame", () => {
  it("goes to partitioned cookies where the frame is refused localStorage, once the embed's code has loaded", async () => {
    const { written } = refusingBrowser(true);
    const { browserTourStorage, loadTourState, saveTourState } = await import("@/components/tour/persistence");
    expect(browserTourStorage()).toBeUndefined();
    await import("@/components/embed/EmbeddedFrame");
    const storage = browserTourStorage();
    expect(storage).toBeDefined();
    saveTourState(storage, "sbx_1", "pipeline-basics", atBoard);
    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(/^openhouse%3Atour%3Asbx_1%3Apipeline-basics=.+; SameSite=None; Secure; Partitioned$/);
    // A reload of the host page: read back from the cookie.
    expect(loadTourState(browserTourStorage(), "sbx_1", "pipeline-basics", tour)).toEqual(atBoard);
  });

  it("goes nowhere on a page of its own that is refused localStorage: the tour starts afresh there", async () => {
    const { written } = refusingBrowser(false);
    const { browserTourStorage, saveTourState } = await import("@/components/tour/persistence");
    await import("@/components/embed/EmbeddedFrame");
    expect(browserTourStorage()).toBeUndefined();
    saveTourState(browserTourStorage(), "sbx_1", "pipeline-basics", atBoard);
    expect(written).toEqual([]);
  });
});
