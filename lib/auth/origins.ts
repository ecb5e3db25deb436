// This app's own browser origins: the one a request was addressed to, plus PUBLIC_ORIGINS. Sign-in trusts
// them (better-auth's trustedOrigins), and so does the front door's screen of every write
// (lib/http/write-requests.ts). Next reports request.url as http://localhost:PORT whatever the browser typed,
// so the Host header is the only honest source of "our own origin" (e.g. 127.0.0.1:PORT or a LAN name).
import "server-only";
import { runtime } from "@/lib/runtime/runtime";

// host[:port] — a header that does not look like one is ignored rather than trusted.
const hostPattern = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/**
 * Trusting the Host header is safe for CSRF purposes: a browser cannot be made to send another site's
 * Host, and a forged Origin from a non-browser client carries no victim's cookies.
 */
export function trustedOriginsFor(request: Request | undefined): string[] {
  let protocol: string | undefined;
  try {
    // Next derives the scheme from x-forwarded-proto (set by a TLS-terminating proxy) or the socket.
    protocol = request ? new URL(request.url).protocol : undefined;
  } catch {
    protocol = undefined;
  }
  return ownOrigins(request?.headers.get("host") ?? undefined, protocol);
}

/** The origins a page of this app can have, for a request that named `host` and arrived over `protocol` ("http:"). */
export function ownOrigins(host: string | undefined, protocol: string | undefined): string[] {
  // As a browser writes them ("https://demo.example.com", lower case, no path), so a trailing slash in the
  // setting still matches the Origin header.
  const publics = runtime().config.publicOrigins.flatMap((origin) => (URL.canParse(origin) ? [new URL(origin).origin] : []));
  const addressed = host && hostPattern.test(host) && (protocol === "http:" || protocol === "https:");
  return addressed ? [`${protocol}//${host.toLowerCase()}`, ...publics] : publics;
}
