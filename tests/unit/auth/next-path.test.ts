import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeNextPath, signInUrlFor } from "@/lib/auth/next-path";

const site = "https://demo.example.com";

/** Where a browser on `site` goes when it is sent `location` (a redirect, or location.assign). */
function browserGoesTo(location: string): URL {
  return new URL(location, `${site}/sales/sign-in?next=x`);
}

/** What a later hop that decodes the path once more would make of it. */
function decodedOnce(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

// Strings made of what open-redirect payloads are made of, so the generator finds them often.
const trickyUnit = fc.constantFrom(
  "/",
  "\\",
  ".",
  "..",
  "%",
  "%2e",
  "%2E",
  "%2f",
  "%5c",
  "%25",
  "%09",
  "\t",
  "\n",
  "\r",
  "\u0000",
  "\u3000",
  "\uff0f",
  ":",
  "@",
  "?",
  "#",
  "&",
  "=",
  "evil.example",
  "sales",
  "sign-in",
  "javascript:",
  "http:",
  "https:",
  "a",
  " ",
);
const tricky = fc.string({ unit: trickyUnit, maxLength: 12 });
const anything = fc.oneof(
  tricky,
  fc.string(),
  fc.webUrl(),
  fc.webPath(),
  tricky.map((text) => `/${text}`),
);

describe("where sign-in sends a team member next", () => {
  it("goes on to a path on this site, keeping its query and fragment", () => {
    expect(safeNextPath("/sales/visitors/abc")).toBe("/sales/visitors/abc");
    expect(safeNextPath("/studio/demos?tab=steps#intro")).toBe("/studio/demos?tab=steps#intro");
    expect(safeNextPath("/sales?demo=pipeline-basics&from=2026-01-01")).toBe("/sales?demo=pipeline-basics&from=2026-01-01");
  });

  it.each([
    ["a protocol-relative URL", "//evil.com"],
    ["an absolute URL", "https://evil.com"],
    ["a backslash that browsers read as a slash", "/\\evil"],
    ["a tab that URL parsers strip", "/\t/evil.com"],
    ["an encoded slash", "/%2F%2Fevil.com"],
    ["an encoded backslash", "/%5c%5cevil.com"],
    ["a javascript: URL", "javascript:alert(1)"],
    ["a relative path", "sales"],
    ["the sign-in page itself", "/sales/sign-in?next=/sales"],
    ["a dot segment that leaves two slashes", "/.//evil.example/x"],
    ["a dot-dot segment that leaves two slashes", "/..//evil.example/x"],
    ["an encoded dot segment that leaves two slashes", "/%2e//evil.example/x"],
    ["an encoded dot-dot segment that leaves two slashes", "/%2E%2E//evil.example/x"],
    ["dot segments under a real path", "/sales/..//evil.example"],
    ["a dot segment before a backslash", "/./\\evil.example"],
    ["the sign-in page reached through a dot segment", "/sales/./sign-in"],
  ])("refuses %s and falls back to /sales", (_, raw) => {
    expect(safeNextPath(raw)).toBe("/sales");
  });

  it("falls back when next is missing or repeated", () => {
    expect(safeNextPath(undefined)).toBe("/sales");
    expect(safeNextPath(["/sales/a", "/sales/b"])).toBe("/sales");
  });

  it("refuses an encoded tab or newline that a hop decoding once more would turn into another host", () => {
    for (const raw of ["/%09/evil.example", "/%0a/evil.example", "/%0D/evil.example", "/%7f/x", "/%09/"]) {
      expect(safeNextPath(raw), raw).toBe("/sales");
    }
  });

  it("keeps harmless dot segments inside the site, normalised", () => {
    expect(safeNextPath("/sales/visitors/../funnels")).toBe("/sales/funnels");
    expect(safeNextPath("/./sales")).toBe("/sales");
  });

  it("whatever it is given, sends the browser to a path on this site that needs no further normalising", () => {
    fc.assert(
      fc.property(anything, (raw) => {
        const next = safeNextPath(raw);
        expect(next.startsWith("/")).toBe(true);
        expect(next.startsWith("//")).toBe(false);
        expect(next).not.toMatch(/\\|%2f|%5c/i);
        expect(browserGoesTo(next).origin).toBe(site);
        // Even a hop that decodes it once more keeps the browser here.
        expect(browserGoesTo(decodedOnce(next)).origin).toBe(site);
        // A fixed point: screening the answer again changes nothing.
        expect(safeNextPath(next)).toBe(next);
      }),
      { numRuns: 5000 },
    );
  });

  it("keeps every ordinary path on this site as it is", () => {
    const segment = fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,15}$/);
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 5 }), (segments) => {
        const path = `/${segments.join("/")}`;
        fc.pre(!path.startsWith("/sales/sign-in"));
        expect(safeNextPath(path)).toBe(path);
      }),
    );
  });

  it("builds the sign-in link with next encoded, and without it for the default", () => {
    expect(signInUrlFor("/studio/demos?tab=steps")).toBe("/sales/sign-in?next=%2Fstudio%2Fdemos%3Ftab%3Dsteps");
    expect(signInUrlFor("/sales")).toBe("/sales/sign-in");
    expect(signInUrlFor("https://evil.com")).toBe("/sales/sign-in");
    expect(signInUrlFor("/.//evil.example/x")).toBe("/sales/sign-in");
  });
});
