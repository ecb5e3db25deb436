// GET /api/live/visitor (a prospect's panel) and GET /api/live/team (the rep workspace), served from the
// front door on node:http. The prospect is known by their signed visitor cookie only; a team stream needs a
// signed-in member of a role that works conversations, and keeps that member "online" while it is open.
import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { signInRequiredMessage } from "@/lib/auth/next-path";
import { mayUse } from "@/lib/auth/roles";
import { touchPresence } from "@/lib/conversations/presence";
import { cookieFromHeader } from "@/lib/http/cookies";
import { runtime } from "@/lib/runtime/runtime";
import { verifyVisitorCookie, visitorCookieName } from "@/lib/visitors/visitor-cookie";
import { type LiveTopic, openLiveStreams, subscribeLive } from "./hub";
import { lastEventIdOf, openSseStream } from "./sse";
import { streamMember } from "./stream-member";

const paths = { visitor: "/api/live/visitor", team: "/api/live/team" } as const;
/** Streams one visitor may hold (tabs); a page opens one. */
const perVisitor = 6;
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

/** Members with a team stream open, and how many each: presence is touched once per member per beat. */
function membersStreaming(): Map<string, number> {
  return runtime().shared("live.membersStreaming", () => {
    const members = new Map<string, number>();
    const timer = setInterval(() => {
      for (const userId of members.keys()) touchPresence(userId).catch((error: unknown) => console.error("live: presence failed", error));
    }, presenceEveryMs);
    timer.unref();
    runtime().onClose(() => clearInterval(timer));
    return members;
  });
}

function openStreamsOf(visitorId: string): number {
  return (
    runtime()
      .shared("live.visitorStreams", () => new Map<string, number>())
      .get(visitorId) ?? 0
  );
}

function countStream(visitorId: string, change: 1 | -1): void {
  const counts = runtime().shared("live.visitorStreams", () => new Map<string, number>());
  const next = (counts.get(visitorId) ?? 0) + change;
  if (next <= 0) counts.delete(visitorId);
  else counts.set(visitorId, next);
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
    if (openStreamsOf(visitorId) >= perVisitor)
      return refuse(response, 429, "Too many open tabs for one conversation; close one", { "retry-after": "10" });
    countStream(visitorId, 1);
    const topic: LiveTopic = `visitor:${visitorId}`;
    openSseStream(response, (send) => {
      const stop = subscribeLive([topic], lastEventId, send);
      return () => {
        stop();
        countStream(visitorId, -1);
      };
    });
    return;
  }

  const member = await streamMember(request);
  if (!member) return refuse(response, 401, signInRequiredMessage);
  // The same table as every /sales page and API (lib/auth/roles.ts).
  if (!mayUse(member.role, "sales")) return refuse(response, 403, "Your role does not work in the sales workspace; ask an admin");
  const { userId } = member;
  await touchPresence(userId);
  const members = membersStreaming();
  members.set(userId, (members.get(userId) ?? 0) + 1);
  openSseStream(response, (send) => {
    const stop = subscribeLive(["team"], lastEventId, send);
    return () => {
      stop();
      const left = (members.get(userId) ?? 1) - 1;
      if (left <= 0) members.delete(userId);
      else members.set(userId, left);
    };
  });
}
