// POST /api/signals — a batch of usage signals from the browser. `npm start` answers this path from a lean
// handler in front of Next (lib/signals/node-handler.ts); this route serves it under `next dev`, and answers
// every other method in both.

import { clientIpHeaderName } from "@/lib/http/client-ip";
import { readCookie } from "@/lib/http/cookies";
import { methodNotAllowed } from "@/lib/http/responses";
import { handleSignals } from "@/lib/signals/handle-signals";
import { honorsNoTracking } from "@/lib/visitors/privacy-choice";
import { visitorCookieName } from "@/lib/visitors/visitor-cookie";

export async function POST(request: Request): Promise<Response> {
  const result = await handleSignals({
    contentType: request.headers.get("content-type"),
    contentLength: request.headers.get("content-length"),
    chunks: request.body as AsyncIterable<Uint8Array> | null,
    visitorCookie: readCookie(request, visitorCookieName),
    noTracking: honorsNoTracking(request.headers),
    userAgent: request.headers.get("user-agent"),
    clientAddress: request.headers.get(clientIpHeaderName) ?? "unknown",
  });
  return Response.json(result.body, { status: result.status, headers: result.headers });
}

export const GET = methodNotAllowed("POST");
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
