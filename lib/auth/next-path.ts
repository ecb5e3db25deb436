// Sending people to sign in and back: only same-site relative paths, so `?next=` is never an open redirect.
// Pure and dependency-free because the sign-in form (client), the proxy and the guard all use it.
import { hasControlCharacter } from "@/lib/text/control-characters";

export const signInPath = "/sales/sign-in";
export const defaultAfterSignIn = "/sales";
/** The 401 body's message for /api/sales and /api/studio, from the proxy and the guard alike. */
export const signInRequiredMessage = "Sign in as a team member";
/** Request header through which proxy.ts tells the guard which path was asked for (the guard's `next`). */
export const requestedPathHeader = "x-openhouse-requested-path";

const probeOrigin = "https://openhouse.invalid";
// Encoded slashes can be decoded by a later hop into "//" or "/\", and an encoded tab or newline into one the URL
// parser then strips ("/%09/evil.example" → "/\t/evil.example" → "//evil.example").
const encodedSeparators = /%2f|%5c|%[01][0-9a-f]|%7f/i;

/**
 * `raw` as a path on this site, or `fallback` when it is missing, absolute, protocol-relative or ambiguous.
 * Every `next`-style parameter goes through here (the sign-in page and form, the proxy and the guard).
 */
export function safeNextPath(raw: string | string[] | null | undefined, fallback = defaultAfterSignIn): string {
  if (typeof raw !== "string" || raw.length > 2048) return fallback;
  const path = normalisedPath(raw);
  // The URL parser resolves dot segments, so "/.//evil.example" (or "/%2e%2e//evil.example") comes out as
  // "//evil.example", which a browser reads as another host. What it returns must pass the same screen again.
  if (path === undefined || normalisedPath(path) !== path) return fallback;
  const { pathname } = new URL(path, probeOrigin);
  // Sending someone back to the sign-in page after signing in would look like a failure.
  if (pathname === signInPath || pathname.startsWith(`${signInPath}/`)) return fallback;
  return path;
}

/** The path, query and fragment `raw` names on this site, as the URL parser normalises them; undefined if unsafe. */
function normalisedPath(raw: string): string | undefined {
  if (!raw.startsWith("/") || raw.startsWith("//") || raw.includes("\\")) return undefined;
  // Tabs and newlines are stripped by URL parsers, so "/\t/evil.com" would become "//evil.com".
  if (hasControlCharacter(raw) || encodedSeparators.test(raw)) return undefined;
  let url: URL;
  try {
    url = new URL(raw, probeOrigin);
  } catch {
    return undefined;
  }
  return url.origin === probeOrigin ? `${url.pathname}${url.search}${url.hash}` : undefined;
}

/** The sign-in page, remembering where the person was going. */
export function signInUrlFor(nextPath: string): string {
  const next = safeNextPath(nextPath);
  return next === defaultAfterSignIn ? signInPath : `${signInPath}?next=${encodeURIComponent(next)}`;
}
