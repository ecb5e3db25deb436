import { describe, expect, it } from "vitest";
import { safeNextPath, signInUrlFor } from "@/lib/auth/next-path";

describe("where sign-in sends a team member next", () => {
  it("goes on to a path on this site, keeping its query and fragment", () => {
    expect(safeNextPath("/sales/visitors/abc")).toBe("/sales/visitors/abc");
    expect(safeNextPath("/studio/demos?tab=steps#intro")).toBe("/studio/demos?tab=steps#intro");
  });

  it.each([
    ["a protocol-relative URL", "//evil.com"],
    ["an absolute URL", "https://evil.com"],
    ["a backslash that browsers read as a slash", "/\\evil"],
    ["a tab that URL parsers strip", "/\t/evil.com"],
    ["an encoded slash", "/%2F%2Fevil.com"],
    ["a javascript: URL", "javascript:alert(1)"],
    ["a relative path", "sales"],
    ["the sign-in page itself", "/sales/sign-in?next=/sales"],
  ])("refuses %s and falls back to /sales", (_, raw) => {
    expect(safeNextPath(raw)).toBe("/sales");
  });

  it("falls back when next is missing or repeated", () => {
    expect(safeNextPath(undefined)).toBe("/sales");
    expect(safeNextPath(["/sales/a", "/sales/b"])).toBe("/sales");
  });

  it("builds the sign-in link with next encoded, and without it for the default", () => {
    expect(signInUrlFor("/studio/demos?tab=steps")).toBe("/sales/sign-in?next=%2Fstudio%2Fdemos%3Ftab%3Dsteps");
    expect(signInUrlFor("/sales")).toBe("/sales/sign-in");
    expect(signInUrlFor("https://evil.com")).toBe("/sales/sign-in");
  });
});
