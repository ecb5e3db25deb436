// Which browser origins may post to /api/auth: the one the request was addressed to, plus PUBLIC_ORIGINS.
// Next reports request.url as http://localhost:PORT whatever the browser typed, so the Host header
// is the only honest source of "our own origin" (e.g. 127.0.0.1:PORT or a LAN name).
import "server-only";
import { runtime } from "@/lib/runtime/runtime";

// host[:port] — a header that does not look like one is ignored rather than trusted.
const hostPattern = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/**
 * Trusting the Host header is safe for CSRF purposes: a browser cannot be made to send another site's
 * Host, and a forged Origin from a non-browser client carries no victim's cookies.
 */
export function trustedOriginsFor(request: Request | undefined): string[] {
  const own = request ? requestOrigin(request) : undefined;
  const { publicOrigins } = runtime().config;
  return own ? [own, ...publicOrigins] : [...publicOrigins];
}

function requestOrigin(request: Request): string | undefined {
  const host = request.headers.get("host");
  if (!host || !hostPattern.test(host)) return undefined;
  let protocol: string;
  try {
    // Next derives the scheme from x-forwarded-proto (set by a TLS-terminating proxy) or the socket.
    protocol = new URL(request.url).protocol;
  } catch {
    return undefined;
  }
  if (protocol !== "http:" && protocol !== "https:") return undefined;
  return `${protocol}//${host.toLowerCase()}`;
}
