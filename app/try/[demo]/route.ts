// GET /try/<demo> — "Try it": give this browser its own sandbox (or its existing one) and open it.
import { NextResponse } from "next/server";
import { readCookie } from "@/lib/http/cookies";
import { isRegisteredDemo } from "@/lib/demos/gallery";
import { newId } from "@/lib/sandbox/ids";
import { provisionSandbox, touchVisitor } from "@/lib/sandbox/provision";
import { signVisitorId, verifyVisitorCookie, visitorCookieName, visitorCookieOptions } from "@/lib/sandbox/visitor-cookie";
import { arrivalSource } from "@/lib/signals/arrival-source";

function redirectTo(location: string): NextResponse {
  // Relative Location: right whatever host name the visitor used to reach us.
  return new NextResponse(null, { status: 303, headers: { location, "cache-control": "no-store" } });
}

export async function GET(request: Request, context: { params: Promise<{ demo: string }> }): Promise<Response> {
  const { demo } = await context.params;
  if (!isRegisteredDemo(demo)) return redirectTo(`/?missing=${encodeURIComponent(demo.slice(0, 64))}`);

  const url = new URL(request.url);
  const visitorId = verifyVisitorCookie(readCookie(request, visitorCookieName)) ?? newId();
  touchVisitor(visitorId, arrivalSource(url, request.headers.get("referer")));
  const sandbox = provisionSandbox(visitorId, demo);

  const response = redirectTo(`/s/${sandbox.id}`);
  const secure = (request.headers.get("x-forwarded-proto") ?? url.protocol.replace(":", "")) === "https";
  response.cookies.set(visitorCookieName, signVisitorId(visitorId), visitorCookieOptions(secure));
  return response;
}
