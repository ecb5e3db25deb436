import { describe, expect, it } from "vitest";
import type { EngineTour, TourState } from "@/components/tour/engine";
import {
  forgetTourProgress,
  loadTourState,
  saveTourState,
  type TourStorage,
  tourProgressName,
  tourStorageKey,
} from "@/components/tour/persistence";

function memoryStorage(): TourStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
  };
}

const throwingStorage: TourStorage = {
  getItem: () => {
    throw new DOMException("blocked", "SecurityError");
  },
  setItem: () => {
    throw new DOMException("full", "QuotaExceededError");
  },
};

const tour: EngineTour = {
  start: "welcome",
  steps: [
    { id: "welcome", kind: "modal", next: "ask" },
    { id: "ask", kind: "choice", options: [{ label: "Months", path: "months", step: "chart" }] },
    { id: "chart", kind: "popover", next: "end" },
    { id: "end", kind: "cta", cta: { label: "Talk", url: "https://example.com" } },
  ],
};
const fresh: TourState = { status: "idle", stepId: "", trail: [], answers: {} };
const atChart: TourState = { status: "active", stepId: "chart", trail: ["welcome", "ask"], answers: { ask: "months" } };

describe("tour persistence", () => {
  it("keeps each sandbox's progress in each demo under its own key", () => {
    expect(tourStorageKey("sbx_1", "pipeline-basics")).toBe("openhouse:tour:sbx_1:pipeline-basics");
  });

  it("resumes at the same step, with its trail and answers, after a reload", () => {
    const storage = memoryStorage();
    saveTourState(storage, "sbx_1", "forecast-review", atChart);
    expect(loadTourState(storage, "sbx_1", "forecast-review", tour)).toEqual(atChart);
    expect(JSON.parse(storage.items.get("openhouse:tour:sbx_1:forecast-review") ?? "")).toEqual({ v: 2, ...atChart });
  });

  it("does not share progress between sandboxes or demos", () => {
    const storage = memoryStorage();
    saveTourState(storage, "sbx_1", "pipeline-basics", { ...atChart, status: "closed" });
    expect(loadTourState(storage, "sbx_2", "pipeline-basics", tour)).toEqual(fresh);
    expect(loadTourState(storage, "sbx_1", "other-demo", tour)).toEqual(fresh);
  });

  it("treats a visitor as new when storage is missing, blocked or full", () => {
    expect(loadTourState(undefined, "sbx_1", "pipeline-basics", tour)).toEqual(fresh);
    expect(loadTourState(throwingStorage, "sbx_1", "pipeline-basics", tour)).toEqual(fresh);
    expect(() => saveTourState(throwingStorage, "sbx_1", "pipeline-basics", atChart)).not.toThrow();
    expect(() => saveTourState(undefined, "sbx_1", "pipeline-basics", atChart)).not.toThrow();
  });

  it("reads an index-based state from before paths, and any garbage, as a fresh start", () => {
    const storage = memoryStorage();
    const key = tourStorageKey("sbx_1", "pipeline-basics");
    for (const garbage of [
      '{"status":"active","index":3}',
      '{"status":"closed","index":1}',
      "{not json",
      "null",
      "42",
      '"active"',
      '{"v":2,"status":"dancing","stepId":"chart","trail":[],"answers":{}}',
      '{"v":2,"status":"active","stepId":7,"trail":[],"answers":{}}',
      '{"v":2,"status":"active","stepId":"chart","trail":"welcome","answers":{}}',
      '{"v":2,"status":"active","stepId":"chart","trail":[1],"answers":{}}',
      '{"v":2,"status":"active","stepId":"chart","trail":[],"answers":[]}',
      '{"v":2,"status":"active","stepId":"chart","trail":[],"answers":{"ask":3}}',
      '{"v":2,"status":"active","stepId":"chart","trail":[],"answers":{"gone":"months"}}',
      '{"v":2,"status":"active","stepId":"<script>","trail":[],"answers":{}}',
      '{"v":3,"status":"active","stepId":"chart","trail":[],"answers":{}}',
    ]) {
      storage.items.set(key, garbage);
      expect(loadTourState(storage, "sbx_1", "pipeline-basics", tour), garbage).toEqual(fresh);
    }
  });

  it("starts over when the stored step left the demo, and drops removed steps from the trail", () => {
    const storage = memoryStorage();
    saveTourState(storage, "sbx_1", "d", { ...atChart, stepId: "gone" });
    expect(loadTourState(storage, "sbx_1", "d", tour)).toEqual(fresh);
    saveTourState(storage, "sbx_1", "d", { ...atChart, trail: ["welcome", "removed", "ask"] });
    expect(loadTourState(storage, "sbx_1", "d", tour)).toEqual(atChart);
  });

  it("keeps each persona's branch of a tour apart, and Reset forgets them all for that sandbox only", () => {
    expect(tourProgressName({ slug: "pipeline-basics" })).toBe("pipeline-basics");
    expect(tourProgressName({ slug: "pipeline-basics", persona: "leader" })).toBe("pipeline-basics:leader");
    const items = new Map<string, string>();
    const storage = {
      getItem: (key: string) => items.get(key) ?? null,
      setItem: (key: string, value: string) => void items.set(key, value),
      removeItem: (key: string) => void items.delete(key),
      key: (index: number) => [...items.keys()][index] ?? null,
      get length() {
        return items.size;
      },
    };
    saveTourState(storage, "sbx_1", "pipeline-basics:leader", atChart);
    saveTourState(storage, "sbx_1", "pipeline-basics", { ...atChart, status: "closed" });
    saveTourState(storage, "sbx_2", "pipeline-basics", atChart);
    expect(loadTourState(storage, "sbx_1", "pipeline-basics:rep", tour)).toEqual(fresh);
    expect(loadTourState(storage, "sbx_1", "pipeline-basics:leader", tour)).toEqual(atChart);
    forgetTourProgress("sbx_1", storage);
    expect([...items.keys()]).toEqual(["openhouse:tour:sbx_2:pipeline-basics"]);
  });
});
