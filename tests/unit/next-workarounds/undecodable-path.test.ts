import { describe, expect, it } from "vitest";
import { malformedPathRefusal } from "@/lib/next-workarounds/undecodable-path";

describe("addresses that are not valid percent-encoding", () => {
  it("are refused with a 400: JSON on the APIs, a page for people", () => {
    const api = malformedPathRefusal("/api/auth/%ff");
    expect(api?.status).toBe(400);
    expect(JSON.parse(api?.body ?? "{}").error).toEqual(expect.any(String));
    const page = malformedPathRefusal("/try/%E0%A4%A");
    expect(page?.status).toBe(400);
    expect(page?.headers["content-type"]).toContain("text/html");
    expect(page?.body).toContain("Choose a demo");
  });

  it("leave good paths alone, whatever the query string holds", () => {
    for (const url of ["/", "/try/pipeline-basics?company=%ff", "/s/%2e%2e%2f", "/%F0%9F%98%80", undefined]) {
      expect(malformedPathRefusal(url), url).toBeUndefined();
    }
  });
});
