import { describe, expect, it } from "vitest";
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

describe("tour persistence", () => {
  it("keeps each sandbox's progress in each demo under its own key", () => {
    expect(tourStorageKey("sbx_1", "pipeline-basics")).toBe("openhouse:tour:sbx_1:pipeline-basics");
  });

  it("resumes where the visitor was after a reload", () => {
    const storage = memoryStorage();
    saveTourState(storage, "sbx_1", "pipeline-basics", { status: "active", index: 3 });
    expect(loadTourState(storage, "sbx_1", "pipeline-basics", 6)).toEqual({ status: "active", index: 3 });
    expect(JSON.parse(storage.items.get("openhouse:tour:sbx_1:pipeline-basics") ?? "")).toEqual({
      status: "active",
      index: 3,
    });
  });

  it("does not share progress between sandboxes or demos", () => {
    const storage = memoryStorage();
    saveTourState(storage, "sbx_1", "pipeline-basics", { status: "closed", index: 2 });
    expect(loadTourState(storage, "sbx_2", "pipeline-basics", 6)).toEqual({ status: "idle", index: 0 });
    expect(loadTourState(storage, "sbx_1", "other-demo", 6)).toEqual({ status: "idle", index: 0 });
  });

  it("treats a visitor as new when storage is missing, blocked or full", () => {
    expect(loadTourState(undefined, "sbx_1", "pipeline-basics", 6)).toEqual({ status: "idle", index: 0 });
    expect(loadTourState(throwingStorage, "sbx_1", "pipeline-basics", 6)).toEqual({ status: "idle", index: 0 });
    expect(() => saveTourState(throwingStorage, "sbx_1", "pipeline-basics", { status: "active", index: 1 })).not.toThrow();
    expect(() => saveTourState(undefined, "sbx_1", "pipeline-basics", { status: "active", index: 1 })).not.toThrow();
  });

  it("treats garbage in storage as a new visitor", () => {
    const storage = memoryStorage();
    const key = tourStorageKey("sbx_1", "pipeline-basics");
    for (const garbage of [
      "{not json",
      "null",
      "42",
      '"active"',
      '{"status":"dancing","index":1}',
      '{"status":"active","index":-1}',
      '{"status":"active","index":1.5}',
      '{"status":"active"}',
    ]) {
      storage.items.set(key, garbage);
      expect(loadTourState(storage, "sbx_1", "pipeline-basics", 6), garbage).toEqual({ status: "idle", index: 0 });
    }
  });

  it("keeps a stored step inside a demo that has fewer steps than before", () => {
    const storage = memoryStorage();
    saveTourState(storage, "sbx_1", "pipeline-basics", { status: "closed", index: 9 });
    expect(loadTourState(storage, "sbx_1", "pipeline-basics", 6)).toEqual({ status: "closed", index: 5 });
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
    saveTourState(storage, "sbx_1", "pipeline-basics:leader", { status: "active", index: 4 });
    saveTourState(storage, "sbx_1", "pipeline-basics", { status: "closed", index: 1 });
    saveTourState(storage, "sbx_2", "pipeline-basics", { status: "active", index: 2 });
    expect(loadTourState(storage, "sbx_1", "pipeline-basics:rep", 7)).toEqual({ status: "idle", index: 0 });
    expect(loadTourState(storage, "sbx_1", "pipeline-basics:leader", 7)).toEqual({ status: "active", index: 4 });
    forgetTourProgress("sbx_1", storage);
    expect([...items.keys()]).toEqual(["openhouse:tour:sbx_2:pipeline-basics"]);
  });
});
