// GET /api/live/visitor (a prospect's panel) and GET /api/live/team (the rep workspace), served from the
// front door on node:http. The prospect is known by their signed visitor cookie only; a team stream needs a
// signed-in member of a role that works conversations, and keeps that member "online" while it is open. How
// many streams one person or one address may hold is stream-holders.ts's to say.
import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { signInRequiredMessage } from "@/lib/auth/next-path";
import { mayUse } from "@/lib/auth/roles";
import { touchPresence } from "@/lib/conversations/presence";
import { clientIpHeaderName } from "@/lib/http/client-ip";
import { cookieFromHeader } from "@/lib/http/cookies";
import { repeatEvery, type StopRepeating } from "@/lib/runtime/repeat";
import { tellPresence } from "@/lib/sandbox/copy-presence";
import { verifyVisitorCookie, visitorCookieName } from "@/lib/visitors/visitor-cookie";
import { type LiveTopic, openLiveStreams, subscribeLive } from "./hub";
import { lastEventIdOf, openSseStream, supersede } from "./sse";
import { addressMayOpen, holdStream, peopleHoldingStreams } from "./stream-holders";
import { streamMember } from "./stream-member";

const paths = { visitor: "/api/live/visitor", team: "/api/live/team" } as const;
/** Streams one process holds before answering "busy": each is a socket and a little memory. */
const perProcess = 5_000;
/** Well inside presence's 60 s window, so an open workspace never lapses. */
const presenceEveryMs = 25_000;

export function isLiveStreamRequest(request: IncomingMessage): boolean {
  const path = request.url?.split("?")[0];
  return path === paths.visitor || path === paths.team;
}

function refuse(response: ServerResponse, status: number, error: string, extra: Record<string, string> = {}): void {
  const body = JSON.stringify({ error });
  response.writeHead(status, {
    "content-type": "application/json",
    "cache-control": "no-store",
    "content-length": Buffer.byteLength(body),
    ...extra,
  });
  response.end(body);
}

/**
 * Keeps members with a team stream open "online": presence is touched once per member per beat, not once per
 * stream (started by the composition root, lib/runtime/start.ts).
 */
export function startPresenceBeat(): StopRepeating {
  return repeatEvery(presenceEveryMs, "touching presence", async () => {
    for (const person of peopleHoldingStreams()) if (person.startsWith("member:")) await touchPresence(person.slice("member:".length));
  });
}

/** Opens the stream on `topics` for `person`, superseding their oldest past the cap (stream-holders.ts). */
function openHeldStream(
  response: ServerResponse,
  topics: LiveTopic[],
  lastEventId: number | undefined,
  person: string,
  address?: string,
  onChange?: () => void,
): void {
  const release = holdStream({ supersede: () => supersede(response) }, person, address);
  openSseStream(response, (send) => {
    const stop = subscribeLive(topics, lastEventId, send);
    onChange?.();
    return () => {
      stop();
      release();
      onChange?.();
    };
  });
}

/** A prospect's stream opened or closed: the people of their shared copies hear who is here (copy-presence.ts). */
function presenceOf(visitorId: string): () => void {
  return () => {
    tellPresence(visitorId).catch((error: unknown) => console.error("openhouse: could not tell a shared copy who is here", error));
  };
}

export async function serveLiveStream(request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (request.method !== "GET") return refuse(response, 405, "This address only answers GET", { allow: "GET" });
  const url = new URL(request.url ?? "/", "http://localhost");
  if (openLiveStreams() >= perProcess)
    return refuse(response, 503, "Too many live connections right now; retry shortly", { "retry-after": "5" });
  const lastEventId = lastEventIdOf(request, url);

  if (url.pathname === paths.visitor) {
    const visitorId = verifyVisitorCookie(cookieFromHeader(request.headers.cookie, visitorCookieName));
    if (!visitorId) return refuse(response, 401, "Open a demo first: the conversation belongs to your demo copy");
    const address = String(request.headers[clientIpHeaderName] ?? "unknown");
    if (!addressMayOpen(address)) {
      return refuse(response, 429, "Too many live connections from your network; close some demo tabs and reload", {
        "retry-after": "30",
      });
    }
    return openHeldStream(response, [`visitor:${visitorId}`], lastEventId, `visitor:${visitorId}`, address, presenceOf(visitorId));
  }

  const member = await streamMember(request);
  if (!member) return refuse(response, 401, signInRequiredMessage);
  // The same table as every /sales page and API (lib/auth/roles.ts).
  if (!mayUse(member.role, "sales")) return refuse(response, 403, "Your role does not work in the sales workspace; ask an admin");
  await touchPresence(member.userId);
  openHeldStream(response, ["team"], lastEventId, `member:${member.userId}`);
}
