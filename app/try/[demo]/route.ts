// GET /try/<demo> — "Try it": give this browser its own sandbox (or its existing one) and open it.
import { NextResponse } from "next/server";
import { isRegisteredDemo } from "@/lib/demos/gallery";
import { clientIpHeaderName } from "@/lib/http/client-ip";
import { readCookie } from "@/lib/http/cookies";
import { newId } from "@/lib/sandbox/ids";
import { missingDemoPath } from "@/lib/sandbox/missing-demo";
import { parsePersonalization } from "@/lib/sandbox/personalization";
import { adoptPersona, createSandbox, resumeSandbox, touchVisitor } from "@/lib/sandbox/provision";
import { provisionLimiter } from "@/lib/sandbox/provision-limit";
import { rateLimitedPage } from "@/lib/sandbox/rate-limited-page";
import { parseRenewedReason } from "@/lib/sandbox/renewal";
import { signVisitorId, verifyVisitorCookie, visitorCookieName, visitorCookieOptions } from "@/lib/sandbox/visitor-cookie";
import { arrivalSource } from "@/lib/signals/arrival-source";
import { honorsNoTracking } from "@/lib/signals/privacy";
import { classifyUserAgent } from "@/lib/signals/user-agent";

function redirectTo(location: string): NextResponse {
  // Relative Location: right whatever host name the visitor used to reach us.
  return new NextResponse(null, { status: 303, headers: { location, "cache-control": "no-store" } });
}

export async function GET(request: Request, context: { params: Promise<{ demo: string }> }): Promise<Response> {
  const { demo } = await context.params;
  if (!isRegisteredDemo(demo)) return redirectTo(missingDemoPath(demo));

  const url = new URL(request.url);
  const visitorId = verifyVisitorCookie(readCookie(request, visitorCookieName)) ?? newId();
  const doNotTrack = honorsNoTracking(request.headers);
  const client = { ...classifyUserAgent(request.headers.get("user-agent")), doNotTrack };
  const personalization = parsePersonalization(url.searchParams);
  let sandbox = resumeSandbox(visitorId, demo);
  if (!sandbox) {
    const address = request.headers.get(clientIpHeaderName) ?? "unknown";
    const limiter = provisionLimiter();
    if (!limiter.tryTake(address)) return rateLimitedPage(limiter.retryAfterSeconds(address));
    // Where they came from is tracking, so not for a browser that asked not to be tracked.
    const source = doNotTrack ? undefined : arrivalSource(url, request.headers.get("referer"));
    touchVisitor(visitorId, source, undefined, client);
    sandbox = createSandbox(visitorId, demo, personalization);
  } else {
    touchVisitor(visitorId, undefined, undefined, client);
    sandbox = adoptPersona(sandbox, personalization);
  }

  const renewed = parseRenewedReason(url.searchParams.get("renewed"));
  const response = redirectTo(`/s/${sandbox.id}${renewed ? `?renewed=${renewed}` : ""}`);
  const secure = (request.headers.get("x-forwarded-proto") ?? url.protocol.replace(":", "")) === "https";
  response.cookies.set(visitorCookieName, signVisitorId(visitorId), visitorCookieOptions(secure));
  return response;
}
