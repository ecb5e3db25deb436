import { describe, expect, it } from "vitest";
import { missingDemoPath, shownMissingDemo } from "@/lib/sandbox/missing-demo";

describe("the gallery note for a demo that does not exist", () => {
  it("names at most 64 characters and never cuts one in half", () => {
    const path = missingDemoPath(`${"a".repeat(63)}😀😀`);
    expect(decodeURIComponent(path)).toBe(`/?missing=${"a".repeat(63)}😀`);
  });

  it("shows only the first name, cut to 64 characters, without control characters", () => {
    expect(shownMissingDemo("pipeline-basic")).toBe("pipeline-basic");
    expect(shownMissingDemo(["first", "second"])).toBe("first");
    expect(shownMissingDemo("a".repeat(10_000))).toBe("a".repeat(64));
    expect(shownMissingDemo("\u0000\u001b[31m\u007f")).toBe("[31m");
    expect(shownMissingDemo("\u0000\u0007")).toBeUndefined();
    expect(shownMissingDemo(undefined)).toBeUndefined();
  });
});
