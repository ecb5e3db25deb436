import { describe, expect, it } from "vitest";
import { missingDemoPath } from "@/lib/sandbox/missing-demo";

describe("the gallery note for a demo that does not exist", () => {
  it("names at most 64 characters and never cuts one in half", () => {
    const path = missingDemoPath(`${"a".repeat(63)}😀😀`);
    expect(decodeURIComponent(path)).toBe(`/?missing=${"a".repeat(63)}😀`);
  });
});
