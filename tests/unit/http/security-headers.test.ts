import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce, nonceOf, securityHeaders } from "@/lib/http/security-headers";

const directive = (policy: string, name: string) => policy.split("; ").find((part) => part.startsWith(`${name} `));

describe("the security headers of every answer", () => {
  it("lets scripts run only from this app: its files and the inline scripts carrying this response's nonce", () => {
    const nonce = newNonce();
    const policy = contentSecurityPolicy("/s/abc", { nonce });
    expect(directive(policy, "script-src")).toBe(`script-src 'self' 'nonce-${nonce}'`);
    expect(directive(policy, "object-src")).toBe("object-src 'none'");
    expect(directive(policy, "base-uri")).toBe("base-uri 'none'");
    expect(nonceOf(policy)).toBe(nonce);
  });

  it("allows eval only under npm run dev, where React's development build needs it", () => {
    expect(directive(contentSecurityPolicy("/", { dev: true }), "script-src")).toBe("script-src 'self' 'unsafe-eval'");
    expect(directive(contentSecurityPolicy("/"), "script-src")).toBe("script-src 'self'");
  });

  it("gives every response a fresh nonce", () => {
    expect(new Set(Array.from({ length: 100 }, newNonce)).size).toBe(100);
  });

  it.each([
    "/sales",
    "/sales/visitors/abc/sandbox",
    "/sales/sign-in",
    "/studio",
    "/studio/preview/pipeline-basics",
    "/",
    "/privacy",
    "/try/x",
  ])("never lets %s be framed", (path) => {
    const headers = securityHeaders(path);
    expect(directive(headers["content-security-policy"] ?? "", "frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["x-content-type-options"]).toBe("nosniff");
  });

  it("lets only this app frame the product (the studio's preview), and dot segments cannot borrow that", () => {
    const product = securityHeaders("/s/abc/deals/1");
    expect(directive(product["content-security-policy"] ?? "", "frame-ancestors")).toBe("frame-ancestors 'self'");
    expect(product["x-frame-options"]).toBe("SAMEORIGIN");
    expect(securityHeaders("/s/../sales")["x-frame-options"]).toBe("DENY");
    expect(securityHeaders("/s/%2e%2e/studio")["x-frame-options"]).toBe("DENY");
  });
});

describe("who may embed a demo (EMBED_ORIGINS)", () => {
  const embedOrigins = ["https://www.example.com", "http://localhost:3500"];
  const ancestors = (path: string) =>
    directive(securityHeaders(path, { embedOrigins })["content-security-policy"] ?? "", "frame-ancestors");

  it("lets the listed sites and this app frame the embed pages and the product they open", () => {
    for (const path of ["/embed/demo/pipeline-basics", "/embed/center", "/s/abc/deals/new"]) {
      expect(ancestors(path)).toBe("frame-ancestors 'self' https://www.example.com http://localhost:3500");
      // X-Frame-Options cannot name other sites: it would refuse them where frame-ancestors allows them.
      expect(securityHeaders(path, { embedOrigins })["x-frame-options"]).toBeUndefined();
    }
  });

  it.each([
    "/sales",
    "/sales/sign-in",
    "/studio",
    "/studio/demos/pipeline-basics",
    "/",
    "/try/pipeline-basics",
    "/oembed",
    "/embed/../sales",
  ])("still lets nobody frame %s", (path) => {
    expect(ancestors(path)).toBe("frame-ancestors 'none'");
    expect(securityHeaders(path, { embedOrigins })["x-frame-options"]).toBe("DENY");
  });

  it("without EMBED_ORIGINS, lets only this app frame the embed pages (the studio's preview of a snippet)", () => {
    expect(directive(contentSecurityPolicy("/embed/center"), "frame-ancestors")).toBe("frame-ancestors 'self'");
    expect(securityHeaders("/embed/center")["x-frame-options"]).toBe("SAMEORIGIN");
  });
});
