// What a request meets before Next: the same in `npm start` and `npm run dev`, so a developer sees what
// production answers. It stamps the client's address from the socket and the security headers on the answer
// (lib/http/security-headers.ts), refuses what Next would answer with a 500 or a wrong page
// (lib/next-workarounds) and any write that is not from this app's own pages (lib/http/write-requests.ts),
// answers HEAD for pages without running them, serves POST /api/signals and the live streams
// (GET /api/live/*) on the lean path, and runs everything else through Next with undecodable Server Action
// arguments reported as the sender's fault.
import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { answerUnavailable, forwardToOwner, mayBeElsewhere, routeRequest } from "@/lib/cluster/forward";
import { clientHeaders } from "@/lib/http/client-ip";
import { newNonce, securityHeaders } from "@/lib/http/security-headers";
import { withServerTiming } from "@/lib/http/server-timing";
import { writeRequestRefusal } from "@/lib/http/write-requests";
import { isLiveStreamRequest, serveLiveStream } from "@/lib/live/node-streams";
import { handleGuardingServerActions } from "@/lib/next-workarounds/action-decode-failures";
import { headAnswer } from "@/lib/next-workarounds/head-requests";
import { pageMethodRefusal } from "@/lib/next-workarounds/page-methods";
import { malformedPathRefusal } from "@/lib/next-workarounds/undecodable-path";
import { isSignalsRequest, serveSignals } from "@/lib/signals/node-handler";
import { isHealthRequest, serveHealth } from "./health";
import { nodeHeaderName } from "./node-identity";
import { runtime } from "./runtime";

export type RequestHandler = (request: IncomingMessage, response: ServerResponse) => void;

export type FrontDoorOptions = {
  /** `npm run dev`: the policy allows what React's development build needs. */
  dev: boolean;
  /** The public folder's files (lib/next-workarounds/head-requests.ts): Next answers HEAD for those. */
  publicFiles: ReadonlySet<string>;
  /** The sites that may frame the embed pages and the product (EMBED_ORIGINS). */
  embedOrigins?: readonly string[];
};

export function frontDoor(next: RequestHandler, { dev, publicFiles, embedOrigins }: FrontDoorOptions): RequestHandler {
  return (request, response) => {
    // Which node answered: set first, so refusals, lean paths and Next's pages all carry it.
    response.setHeader(nodeHeaderName, runtime().config.nodeName);
    // Overwrites whatever the client sent: rate limits cannot be dodged by inventing x-forwarded-for values.
    const signals = isSignalsRequest(request);
    Object.assign(request.headers, clientHeaders(request.headers, request.socket.remoteAddress, { pseudonym: !signals }));
    const path = (request.url ?? "/").split("?")[0] ?? "/";
    // Pages get a nonce; Next reads it from the request's policy (overwriting any the client sent) and stamps
    // its inline scripts with it. APIs are never documents, so they get the policy without one.
    const page = path !== "/api" && !path.startsWith("/api/");
    const headers = securityHeaders(path, { nonce: page ? newNonce() : undefined, dev, embedOrigins });
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    request.headers["content-security-policy"] = headers["content-security-policy"];
    if (isHealthRequest(request)) return serveHealth(request, response, runtime().config.nodeName);
    const refusal =
      malformedPathRefusal(request.url) ??
      pageMethodRefusal(request.method, request.url) ??
      headAnswer(request.method, request.url, publicFiles) ??
      writeRequestRefusal(request);
    if (refusal) {
      response.writeHead(refusal.status, refusal.headers);
      response.end(refusal.body);
      return;
    }
    // A product page whose sandbox file is on another node goes there (lib/cluster/forward.ts); only such a
    // request, one this node has no file for, waits on the control plane here.
    if (mayBeElsewhere(request)) {
      routeRequest(request)
        .then((routing) => {
          if (routing.action === "forward") forwardToOwner(request, response, routing.owner);
          else if (routing.action === "unavailable") answerUnavailable(request, response);
          else withServerTiming(response, () => handleGuardingServerActions(request, response, () => next(request, response)));
        })
        .catch((error: unknown) => {
          console.error("cluster: routing a request failed", error);
          if (!response.headersSent) answerUnavailable(request, response);
        });
      return;
    }
    if (signals) {
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
