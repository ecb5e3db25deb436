import type { IncomingHttpHeaders } from "node:http";
import { beforeAll, describe, expect, it } from "vitest";
import { writeRequestRefusal } from "@/lib/http/write-requests";
import { installRuntime } from "@/lib/runtime/runtime";

const host = "127.0.0.1:3000";
const own = `http://${host}`;
const json = { "content-type": "application/json", "content-length": "2" };

beforeAll(() => {
  installRuntime({ publicOrigins: ["https://demo.example.com/"] });
});

function refusal(method: string, url: string, headers: IncomingHttpHeaders) {
  const refused = writeRequestRefusal({ method, url, headers: { host, ...headers } });
  return refused && { status: refused.status, type: refused.headers["content-type"], body: refused.body };
}

describe("which writes reach a route", () => {
  it("lets every read through, whatever its origin", () => {
    for (const method of ["GET", "HEAD", "OPTIONS"]) {
      expect(refusal(method, "/api/sales/visitors", { origin: "https://evil.example", "sec-fetch-site": "cross-site" })).toBeUndefined();
    }
  });

  it("lets a write from this app's own pages through: the address it was sent to, or a public origin", () => {
    expect(refusal("POST", "/api/sales/links", { origin: own, ...json })).toBeUndefined();
    expect(refusal("PATCH", "/api/sales/team/x", { origin: "https://demo.example.com", ...json })).toBeUndefined();
    expect(refusal("POST", "/api/sales/links", { "sec-fetch-site": "same-origin", ...json })).toBeUndefined();
    expect(refusal("DELETE", "/api/sales/links/abc", { origin: own })).toBeUndefined();
    // Behind a TLS-terminating proxy the page is https and the proxy says so.
    expect(refusal("POST", "/api/sales/links", { origin: `https://${host}`, "x-forwarded-proto": "https", ...json })).toBeUndefined();
  });

  it("lets a client that is not a browser through (it sends neither Origin nor Sec-Fetch-Site, and no victim's cookies)", () => {
    expect(refusal("POST", "/api/sales/links", json)).toBeUndefined();
  });

  it.each([
    ["another port of the same host", "http://127.0.0.1:4000"],
    ["a sibling subdomain", "http://evil.127.0.0.1.nip.io:3000"],
    ["another site", "https://evil.example"],
    ["the same host over the other scheme", `https://${host}`],
    ["an opaque origin (a sandboxed frame, a redirect)", "null"],
    ["something that is not an origin", "garbage"],
  ])("refuses a write whose Origin is %s, in every area", (_, origin) => {
    for (const [method, url] of [
      ["POST", "/api/sales/conversations/abc/messages"],
      ["POST", "/api/sales/webhooks"],
      ["PATCH", "/api/sales/team/x"],
      ["DELETE", "/api/sales/links/abc"],
      ["POST", "/api/conversation"],
      ["POST", "/api/auth/update-user"],
      ["POST", "/api/signals"],
    ]) {
      const refused = refusal(method ?? "", url ?? "", { origin, ...json });
      expect(refused?.status, `${method} ${url}`).toBe(403);
      expect(refused?.type).toBe("application/json");
      expect(JSON.parse(refused?.body ?? "{}").error).toMatch(/own pages/);
    }
  });

  it("refuses a write a browser marks as not same-origin when it sends no Origin", () => {
    for (const site of ["same-site", "cross-site"]) {
      expect(refusal("POST", "/api/sales/links", { "sec-fetch-site": site, ...json })?.status, site).toBe(403);
    }
  });

  it("answers a Server Action call in JSON and a form a person posted with a page", () => {
    const fetched = refusal("POST", "/s/abc/deals/new", {
      origin: "https://evil.example",
      "next-action": "7f",
      "content-type": "text/plain",
    });
    expect(fetched).toMatchObject({ status: 403, type: "application/json" });
    const posted = refusal("POST", "/s/abc/deals/new", {
      origin: "https://evil.example",
      "content-type": "multipart/form-data; boundary=x",
    });
    expect(posted).toMatchObject({ status: 403, type: "text/html; charset=utf-8" });
    expect(posted?.body).toContain("This form was sent from another site");
  });

  it("refuses a JSON API a body that is not JSON, even from our own pages, except the signals beacon", () => {
    for (const type of ["text/plain;charset=UTF-8", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", ""]) {
      const refused = refusal("POST", "/api/sales/conversations/abc/messages", {
        origin: own,
        "content-type": type,
        "content-length": "9",
      });
      expect(refused?.status, type).toBe(415);
      expect(JSON.parse(refused?.body ?? "{}").error).toMatch(/Send JSON/);
    }
    expect(refusal("POST", "/api/sales/links", { origin: own, "content-type": "text/plain", "transfer-encoding": "chunked" })?.status).toBe(
      415,
    );
    expect(
      refusal("POST", "/api/signals", { origin: own, "content-type": "text/plain;charset=UTF-8", "content-length": "9" }),
    ).toBeUndefined();
    // No body: nothing to misread (a "typing" ping, a DELETE).
    expect(refusal("POST", "/api/conversation/typing", { origin: own, "content-length": "0" })).toBeUndefined();
    // Pages take forms: Server Actions are not JSON APIs.
    expect(refusal("POST", "/s/abc", { origin: own, "content-type": "text/plain", "content-length": "2" })).toBeUndefined();
  });
});
