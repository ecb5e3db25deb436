// What a request meets before Next: the same in `npm start` and `npm run dev`, so a developer sees what
// production answers. It stamps the client's address from the socket, refuses what Next would answer with a
// 500 or a wrong page (lib/next-workarounds), serves POST /api/signals and the live streams (GET /api/live/*)
// on the lean path, and runs everything else through Next with undecodable Server Action arguments reported
// as the sender's fault.
import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { clientAddress, clientIpHeaderName } from "@/lib/http/client-ip";
import { withServerTiming } from "@/lib/http/server-timing";
import { isLiveStreamRequest, serveLiveStream } from "@/lib/live/node-streams";
import { handleGuardingServerActions } from "@/lib/next-workarounds/action-decode-failures";
import { pageMethodRefusal } from "@/lib/next-workarounds/page-methods";
import { malformedPathRefusal } from "@/lib/next-workarounds/undecodable-path";
import { isSignalsRequest, serveSignals } from "@/lib/signals/node-handler";

export type RequestHandler = (request: IncomingMessage, response: ServerResponse) => void;

export function frontDoor(next: RequestHandler): RequestHandler {
  return (request, response) => {
    // Overwrites whatever the client sent: rate limits cannot be dodged by inventing x-forwarded-for values.
    request.headers[clientIpHeaderName] = clientAddress(request.headers, request.socket.remoteAddress);
    const refusal = malformedPathRefusal(request.url) ?? pageMethodRefusal(request.method, request.url);
    if (refusal) {
      response.writeHead(refusal.status, refusal.headers);
      response.end(refusal.body);
      return;
    }
    if (isSignalsRequest(request)) {
      serveSignals(request, response).catch((error: unknown) => {
        console.error("signals: request failed", error);
        if (!response.headersSent) response.writeHead(503, { "content-type": "application/json", "retry-after": "2" });
        response.end(JSON.stringify({ error: "Could not store the events right now; retry shortly" }));
      });
      return;
    }
    if (isLiveStreamRequest(request)) {
      serveLiveStream(request, response).catch((error: unknown) => {
        console.error("live: stream failed to open", error);
        if (!response.headersSent) response.writeHead(503, { "content-type": "application/json", "retry-after": "2" });
        response.end(JSON.stringify({ error: "Live updates are unavailable right now; retry shortly" }));
      });
      return;
    }
    // Next's responses carry Server-Timing (lib/http/server-timing.ts); the lean paths above keep their speed.
    withServerTiming(response, () => handleGuardingServerActions(request, response, () => next(request, response)));
  };
}
