import { describe, expect, it } from "vitest";
import { pageMethodRefusal } from "@/lib/next-workarounds/page-methods";

describe("methods a page does not answer", () => {
  it("get a 405 page naming the methods that work", () => {
    for (const method of ["PUT", "PATCH", "DELETE", "put", "PROPFIND"]) {
      const refusal = pageMethodRefusal(method, "/sales?bots=1");
      expect(refusal?.status, method).toBe(405);
      expect(refusal?.headers.allow).toBe("GET, HEAD, POST");
      expect(refusal?.headers["content-type"]).toContain("text/html");
      expect(refusal?.body).toContain("Choose a demo");
    }
  });

  it("answer OPTIONS with the methods, and leave reads, posts, APIs and Next's files alone", () => {
    expect(pageMethodRefusal("OPTIONS", "/")).toMatchObject({ status: 204, headers: { allow: "GET, HEAD, POST" } });
    for (const method of ["GET", "HEAD", "POST", undefined]) expect(pageMethodRefusal(method, "/s/abc"), method).toBeUndefined();
    expect(pageMethodRefusal("DELETE", "/api/sales/visitors")).toBeUndefined();
    expect(pageMethodRefusal("PUT", "/_next/static/chunks/x.js")).toBeUndefined();
  });
});
