// Optimistic gate for the team's areas: no session cookie, no entry. It only checks that a cookie exists;
// every page and handler still verifies the session with lib/auth/guard.ts.
import { getSessionCookie } from "better-auth/cookies";
import { type NextRequest, NextResponse } from "next/server";
import { requestedPathHeader, signInPath, signInRequiredMessage, signInUrlFor } from "@/lib/auth/next-path";
import { jsonError } from "@/lib/http/responses";

export function proxy(request: NextRequest): Response {
  const { pathname, search } = request.nextUrl;
  if (pathname === signInPath || pathname.startsWith(`${signInPath}/`)) return NextResponse.next();
  const requestedPath = `${pathname}${search}`;
  if (!getSessionCookie(request)) {
    if (pathname.startsWith("/api/")) return jsonError(401, signInRequiredMessage);
    // Next turns a same-host absolute Location into a relative one, so 127.0.0.1 users stay on 127.0.0.1.
    return NextResponse.redirect(new URL(signInUrlFor(requestedPath), request.url));
  }
  // Overwrites anything the client sent, so the guard can send an expired session back to this page.
  const forwarded = new Headers(request.headers);
  forwarded.set(requestedPathHeader, requestedPath);
  return NextResponse.next({ request: { headers: forwarded } });
}

export const config = {
  matcher: ["/sales/:path*", "/studio/:path*", "/api/sales/:path*", "/api/studio/:path*"],
};
