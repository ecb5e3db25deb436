// The security headers of every answer, decided here by path and set by the front door before any route runs
// (lib/runtime/front-door.ts): a content security policy under which scripts run only from this app — its own
// files, and the inline scripts that carry this response's nonce (Next's page payload and bootstrap, which
// Next stamps with the nonce it reads from the request's policy header, and the tour's welcome-card script) —
// who may put each area in a frame, and no MIME sniffing. Pure, so the product's layout can read the nonce.
import crypto from "node:crypto";

/**
 * Who may frame each area; the first prefix that matches wins. The studio's preview (/studio/preview/<demo>)
 * frames the product, so the product allows this app itself; an embedded demo (issue #21) is the embed pages
 * and then the product inside the marketing site's frame, so those two also allow the sites in EMBED_ORIGINS.
 * The workspace, the studio, sign-in, /try and every other page allow nobody.
 */
export const framingByPath: readonly { prefix: string; ancestors: readonly string[]; embeddable?: true }[] = [
  { prefix: "/embed/", ancestors: ["'self'"], embeddable: true },
  { prefix: "/s/", ancestors: ["'self'"], embeddable: true },
  { prefix: "/", ancestors: ["'none'"] },
];

export type PolicyOptions = {
  /** This response's nonce; only pages need one. */
  nonce?: string;
  /** `npm run dev`: React's development build needs eval (for its call stacks); production never gets it. */
  dev?: boolean;
  /** The sites that may embed demos (config's embedOrigins, already checked to be bare origins). */
  embedOrigins?: readonly string[];
};

/** A fresh nonce for one response: 128 random bits. */
export function newNonce(): string {
  return crypto.randomBytes(16).toString("base64");
}

function framingFor(path: string, embedOrigins: readonly string[] = []): readonly string[] {
  // Matched on the path a browser would resolve ("/s/../sales" is /sales), so dot segments cannot borrow a rule.
  const resolved = URL.canParse(path, "http://x") ? new URL(path, "http://x").pathname : "/";
  const rule = framingByPath.find((candidate) => resolved.startsWith(candidate.prefix));
  if (!rule) return ["'none'"];
  return rule.embeddable ? [...rule.ancestors, ...embedOrigins] : rule.ancestors;
}

export function contentSecurityPolicy(path: string, { nonce, dev = false, embedOrigins }: PolicyOptions = {}): string {
  const scripts = ["'self'", ...(nonce ? [`'nonce-${nonce}'`] : []), ...(dev ? ["'unsafe-eval'"] : [])];
  return [
    "default-src 'self'",
    `script-src ${scripts.join(" ")}`,
    // Styles cannot run code; React, Next's development overlay and the refusal pages write some inline.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${framingFor(path, embedOrigins).join(" ")}`,
  ].join("; ");
}

/**
 * Every header for an answer at `path`. X-Frame-Options repeats the framing rule for browsers without CSP; it
 * cannot name other sites, so a page that embedding sites may frame has none (every browser since 2016 reads
 * frame-ancestors).
 */
export function securityHeaders(path: string, options: PolicyOptions = {}): Record<string, string> {
  const ancestors = framingFor(path, options.embedOrigins).join(" ");
  const legacyFraming = ancestors === "'none'" ? "DENY" : ancestors === "'self'" ? "SAMEORIGIN" : undefined;
  return {
    "content-security-policy": contentSecurityPolicy(path, options),
    "x-content-type-options": "nosniff",
    ...(legacyFraming ? { "x-frame-options": legacyFraming } : {}),
  };
}

/** The nonce of a policy this module wrote (the request's header, as the front door set it), if any. */
export function nonceOf(policy: string | null | undefined): string | undefined {
  return policy?.match(/'nonce-([A-Za-z0-9+/]+={0,2})'/)?.[1];
}
