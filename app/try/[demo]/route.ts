// GET /try/<demo> — "Try it": give this browser its own sandbox (or its existing one) and open it.
import { NextResponse } from "next/server";
import { rateLimitedPage } from "@/lib/sandbox/rate-limited-page";
import { tryDemo } from "@/lib/sandbox/try-demo";

function redirectTo(location: string): NextResponse {
  // Relative Location: right whatever host name the visitor used to reach us.
  return new NextResponse(null, { status: 303, headers: { location, "cache-control": "no-store" } });
}

export async function GET(request: Request, context: { params: Promise<{ demo: string }> }): Promise<Response> {
  const outcome = await tryDemo((await context.params).demo, request);
  if (outcome.kind === "rate-limited") return rateLimitedPage(outcome.retryAfterSeconds);
  const response = redirectTo(outcome.location);
  if (outcome.kind === "open") response.cookies.set(outcome.cookie.name, outcome.cookie.value, outcome.cookie.options);
  return response;
}
