// The lean path: POST /api/signals served straight from node:http in front of Next, because Next's
// per-request overhead cost ~45% of ingest throughput on these machines (see BENCHMARKS.md).
import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { clientIpHeaderName } from "@/lib/http/client-ip";
import { cookieFromHeader } from "@/lib/http/cookies";
import { honorsNoTracking } from "@/lib/visitors/privacy-choice";
import { visitorCookieName } from "@/lib/visitors/visitor-cookie";
import { handleSignals } from "./handle-signals";

export function isSignalsRequest(request: IncomingMessage): boolean {
  return request.method === "POST" && (request.url === "/api/signals" || request.url?.startsWith("/api/signals?") === true);
}

export async function serveSignals(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const headers = new Headers();
  for (const name of ["sec-gpc", "dnt"]) {
    const value = request.headers[name];
    if (typeof value === "string") headers.set(name, value);
  }
  const result = await handleSignals({
    contentType: request.headers["content-type"],
    contentLength: request.headers["content-length"],
    chunks: request,
    visitorCookie: cookieFromHeader(request.headers.cookie, visitorCookieName),
    noTracking: honorsNoTracking(headers),
    userAgent: request.headers["user-agent"],
    clientAddress: String(request.headers[clientIpHeaderName] ?? request.socket.remoteAddress ?? "unknown"),
  });
  const body = JSON.stringify(result.body);
  // A body refused part-way (too large) is not read further: answer, then close the connection once the
  // answer is flushed, so the client still gets its 413 and the rest is never buffered.
  const unread = !request.complete;
  response.writeHead(result.status, {
    ...result.headers,
    "content-type": "application/json",
    "content-length": Buffer.byteLength(body),
    ...(unread ? { connection: "close" } : {}),
  });
  response.end(body);
  if (unread) request.resume();
}
