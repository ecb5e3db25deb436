// The visitor's only identity: a first-party, httpOnly cookie holding a random id and its HMAC.
// Functional, not tracking: it is what lets a visitor come back to their own sandbox.
import "server-only";
import crypto from "node:crypto";
import { LRUCache } from "lru-cache";
import { runtime } from "@/lib/runtime/runtime";
import { isWellFormedId } from "@/lib/sandbox/ids";
import { serverSecret } from "@/lib/server-secret";

export const visitorCookieName = "oh_visitor";
/** How long a returning visitor finds their work. */
export const visitorCookieMaxAgeSeconds = 60 * 60 * 24 * 90;

function signature(visitorId: string): string {
  return crypto.createHmac("sha256", serverSecret()).update(`visitor:${visitorId}`).digest("base64url");
}

export function signVisitorId(visitorId: string): string {
  return `${visitorId}.${signature(visitorId)}`;
}

/** Cookies already verified, remembered at most; one forgotten is only verified again. */
const maxVerified = 20_000;

/**
 * The visitor id if the cookie value is well formed and its signature is ours; otherwise undefined. Every
 * signals beacon carries the cookie, so a value verified once is remembered (its HMAC was 2.5% of ingest's
 * profile): the same value with the same secret always verifies alike. Only good values are kept, so made-up
 * cookies cannot push them out faster than they arrive.
 */
export function verifyVisitorCookie(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const verified = runtime().shared("visitors.verified-cookies", () => new LRUCache<string, string>({ max: maxVerified }));
  const known = verified.get(value);
  if (known !== undefined) return known;
  const visitorId = verifySignature(value);
  if (visitorId !== undefined) verified.set(value, visitorId);
  return visitorId;
}

function verifySignature(value: string): string | undefined {
  const [visitorId, given, extra] = value.split(".");
  if (extra !== undefined || !isWellFormedId(visitorId) || !given) return undefined;
  const expected = Buffer.from(signature(visitorId));
  const actual = Buffer.from(given);
  return expected.length === actual.length && crypto.timingSafeEqual(expected, actual) ? visitorId : undefined;
}

export function visitorCookieOptions(secure: boolean) {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    secure,
    path: "/",
    maxAge: visitorCookieMaxAgeSeconds,
  };
}

/**
 * The same cookie for a demo embedded in another site's page (issue #21). There the frame is a third party:
 * a Lax cookie is neither kept nor sent, so it is `SameSite=None`, which browsers take only with `Secure`
 * (loopback counts as secure in Chromium), and `Partitioned` (CHIPS): kept per embedding site, so browsers that
 * block third-party cookies keep it, and one site's embed cannot follow the visitor to another's.
 */
export function embeddedVisitorCookieOptions() {
  return {
    httpOnly: true,
    sameSite: "none" as const,
    secure: true,
    partitioned: true,
    path: "/",
    maxAge: visitorCookieMaxAgeSeconds,
  };
}
