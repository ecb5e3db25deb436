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
