// Two gates in front of Next. Requests that can be a Server Action are screened for what Next would answer
// with a 500 (lib/next-workarounds/action-request-checks.ts). The team's areas get an optimistic gate: no session cookie,
// no entry. It only checks that a cookie exists; every page and handler still verifies the session with
// lib/auth/team-session.ts.
import { getSessionCookie } from "better-auth/cookies";
import { type NextRequest, NextResponse } from "next/server";
import { requestedPathHeader, signInPath, signInRequiredMessage, signInUrlFor } from "@/lib/auth/next-path";
import { jsonError } from "@/lib/http/responses";
import { screenServerActionRequest } from "@/lib/next-workarounds/action-request-checks";

// The same areas as the first four matchers below (the matcher must be a literal Next can read at build time).
const teamAreas = ["/sales", "/studio", "/api/sales", "/api/studio"];

function isTeamArea(pathname: string): boolean {
  return teamAreas.some((area) => pathname === area || pathname.startsWith(`${area}/`));
}

function gateTeamArea(request: NextRequest): Response {
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

export async function proxy(request: NextRequest): Promise<Response> {
  const refused = await screenServerActionRequest(request);
  if (refused) return refused;
  return isTeamArea(request.nextUrl.pathname) ? gateTeamArea(request) : NextResponse.next();
}

export const config = {
  matcher: [
    "/sales/:path*",
    "/studio/:path*",
    "/api/sales/:path*",
    "/api/studio/:path*",
    // Whatever Next may treat as a Server Action (lib/next-workarounds/action-request-checks.ts, mayBeServerAction).
    { source: "/:path*", has: [{ type: "header", key: "next-action" }] },
    { source: "/:path*", has: [{ type: "header", key: "content-type", value: "multipart/form-data.*" }] },
  ],
};
