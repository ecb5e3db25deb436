// The prospect's side of a conversation over HTTP: read the thread (with whether anyone is here now), post a
// message, mark replies read, say "typing". Known only by the visitor cookie; nothing else is asked.
import "server-only";
import { z } from "zod";
import type { SuggestionOpened, TeamStatus, VisitorConversation } from "@/lib/contracts/conversations";
import { clientIpHeaderName } from "@/lib/http/client-ip";
import { readCookie } from "@/lib/http/cookies";
import { parseJsonBody } from "@/lib/http/read-json-body";
import { jsonError, jsonOk } from "@/lib/http/responses";
import { publishEphemeral } from "@/lib/live/hub";
import { runtime } from "@/lib/runtime/runtime";
import { findOwnedSandbox } from "@/lib/sandbox/access";
import { isPreviewSandbox, previewConversationRefusal } from "@/lib/studio/preview/preview-sandboxes";
import { classifyUserAgent } from "@/lib/visitors/client-class";
import { honorsNoTracking } from "@/lib/visitors/privacy-choice";
import { verifyVisitorCookie, visitorCookieName } from "@/lib/visitors/visitor-cookie";
import { markReadByVisitor, postVisitorMessage, visitorThread } from "./conversations";
import { maxMessageLength } from "./message-input";
import { teamOnlineCount } from "./presence";
import { openSuggestion } from "./suggestions";
import { takeTypingTurn } from "./typing";

const noVisitor = "Open a demo first: the conversation belongs to your demo copy";
/** A message plus JSON quoting, with room to spare; anything larger is refused before it is read. */
const maxBodyBytes = maxMessageLength * 6 + 512;

const postSchema = z.object({ body: z.string({ error: "Type a message first" }), sandbox: z.string().max(64).optional() }).strict();

function visitorOf(request: Request): string | undefined {
  return verifyVisitorCookie(readCookie(request, visitorCookieName));
}

/** What the panel says about the team: someone is here now, or when they reply and where to book. */
export async function teamStatus(now: Date = new Date()): Promise<TeamStatus> {
  const { config } = runtime();
  return {
    online: (await teamOnlineCount(now)) > 0,
    replyHours: config.teamReplyHours,
    bookingUrl: config.contactUrl,
    bookingLabel: config.contactLabel,
  };
}

export async function getConversation(request: Request): Promise<Response> {
  const visitorId = visitorOf(request);
  if (!visitorId) return jsonError(401, noVisitor);
  return jsonOk({ thread: await visitorThread(visitorId), team: await teamStatus() } satisfies VisitorConversation);
}

export async function postConversationMessage(request: Request): Promise<Response> {
  const visitorId = visitorOf(request);
  if (!visitorId) return jsonError(401, noVisitor);
  const parsed = await parseJsonBody(
    {
      contentType: request.headers.get("content-type"),
      contentLength: request.headers.get("content-length"),
      chunks: request.body as AsyncIterable<Uint8Array> | null,
    },
    postSchema,
    maxBodyBytes,
  );
  if (!parsed.ok) return jsonError(parsed.status, parsed.error);
  // A studio preview is a team member trying the demo: a message from it would land in /sales as a prospect's.
  if (await isPreviewSandbox(parsed.value.sandbox)) return jsonError(409, previewConversationRefusal);
  // The sandbox only says where they asked from; it must be theirs, else it is ignored.
  const owned = parsed.value.sandbox ? await findOwnedSandbox(parsed.value.sandbox, visitorId) : undefined;
  const result = await postVisitorMessage({
    visitorId,
    body: parsed.value.body,
    sandboxId: owned?.sandbox.id,
    demoSlug: owned?.sandbox.demoSlug,
    clientAddress: request.headers.get(clientIpHeaderName) ?? "unknown",
    bot: classifyUserAgent(request.headers.get("user-agent")).bot,
    noTracking: honorsNoTracking(request.headers),
  });
  if ("thread" in result) return jsonOk({ thread: result.thread, team: await teamStatus() } satisfies VisitorConversation, 201);
  return jsonError(result.status, result.error, result.retryAfterSeconds ? { "retry-after": String(result.retryAfterSeconds) } : {});
}

export async function markConversationRead(request: Request): Promise<Response> {
  const visitorId = visitorOf(request);
  if (!visitorId) return jsonError(401, noVisitor);
  await markReadByVisitor(visitorId);
  return jsonOk({ ok: true });
}

export async function visitorTyping(request: Request): Promise<Response> {
  const visitorId = visitorOf(request);
  if (!visitorId) return jsonError(401, noVisitor);
  // Coalesced before anything is read: a client posting in a loop costs a map lookup, and reaches nobody more.
  const sender = `visitor:${visitorId}`;
  const turn = takeTypingTurn(sender);
  if (!turn) return jsonOk({ ok: true });
  const thread = await visitorThread(visitorId);
  if (!thread) {
    turn.giveBack();
    return jsonError(404, "There is no conversation yet; send a message first");
  }
  // A muted visitor's keystrokes reach nobody, like their messages.
  if (thread.paused) return jsonOk({ ok: true });
  publishEphemeral({ topic: "team", type: "typing", payload: { conversationId: thread.id, who: "visitor" } });
  return jsonOk({ ok: true });
}

/** POST /api/conversation/suggestions/<message>/opened — "Show me": where to go. Another's card is not found. */
export async function openedSuggestion(request: Request, messageParam: string): Promise<Response> {
  const visitorId = visitorOf(request);
  if (!visitorId) return jsonError(401, noVisitor);
  const messageId = /^[1-9][0-9]{0,14}$/.test(messageParam) ? Number(messageParam) : undefined;
  const opened = messageId === undefined ? undefined : await openSuggestion(visitorId, messageId);
  if (!opened) return jsonError(404, "There is no such suggestion in your conversation");
  return jsonOk(opened satisfies SuggestionOpened);
}
