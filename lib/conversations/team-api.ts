// The team's side of conversations over HTTP, behind the one guard: the inbox, a thread with the prospect's
// context, a reply, close / mute, "typing". Each route handler runs the guard itself and hands its member in.
import "server-only";
import { z } from "zod";
import type { ReplySent, TeamInbox, TeamThreadAnswer } from "@/lib/contracts/conversations";
import { parseJsonBody } from "@/lib/http/read-json-body";
import { jsonError, jsonOk } from "@/lib/http/responses";
import { publishEphemeral } from "@/lib/live/hub";
import { isWellFormedId } from "@/lib/sandbox/ids";
import { conversationContext } from "./context";
import { conversationVisitor, postTeamMessage, teamInbox, teamThread, updateConversation } from "./conversations";
import { maxMessageLength } from "./message-input";
import { takeTypingTurn } from "./typing";

const maxBodyBytes = maxMessageLength * 6 + 512;
const replySchema = z.object({ body: z.string({ error: "Type a reply first" }) }).strict();
const changeSchema = z
  .object({ status: z.enum(["open", "closed"]).optional(), muted: z.boolean().optional() })
  .strict()
  .refine((change) => change.status !== undefined || change.muted !== undefined, "Send status or muted");

/** Who is answering: the guard's member, as the route handler got it from roleOrRefusal(request, "sales"). */
export type Member = { user: { id: string } };

const raw = (request: Request) => ({
  contentType: request.headers.get("content-type"),
  contentLength: request.headers.get("content-length"),
  chunks: request.body as AsyncIterable<Uint8Array> | null,
});

function conversationId(value: string): string | undefined {
  return isWellFormedId(value) ? value : undefined;
}

export async function getInbox(): Promise<Response> {
  return jsonOk({ conversations: await teamInbox() } satisfies TeamInbox);
}

export async function getThread(id: string): Promise<Response> {
  const thread = conversationId(id) ? await teamThread(id) : undefined;
  if (!thread) return jsonError(404, "No such conversation");
  return jsonOk({ conversation: thread, context: await conversationContext(thread) } satisfies TeamThreadAnswer);
}

export async function postReply(request: Request, member: Member, id: string): Promise<Response> {
  if (!conversationId(id)) return jsonError(404, "No such conversation");
  const parsed = await parseJsonBody(raw(request), replySchema, maxBodyBytes);
  if (!parsed.ok) return jsonError(parsed.status, parsed.error);
  const result = await postTeamMessage({ conversationId: id, userId: member.user.id, body: parsed.value.body });
  if ("messageId" in result) return jsonOk({ messageId: result.messageId } satisfies ReplySent, 201);
  return jsonError(result.status, result.error);
}

export async function patchConversation(request: Request, _member: Member, id: string): Promise<Response> {
  if (!conversationId(id)) return jsonError(404, "No such conversation");
  const parsed = await parseJsonBody(raw(request), changeSchema, 1024);
  if (!parsed.ok) return jsonError(parsed.status, parsed.error);
  const result = await updateConversation(id, parsed.value);
  return "ok" in result ? jsonOk({ ok: true }) : jsonError(result.status, result.error);
}

export async function teamTyping(_request: Request, member: Member, id: string): Promise<Response> {
  // Coalesced per member and conversation before anything is read (lib/conversations/typing.ts).
  const sender = `member:${member.user.id}:${id}`;
  if (!conversationId(id)) return jsonError(404, "No such conversation");
  const turn = takeTypingTurn(sender);
  if (!turn) return jsonOk({ ok: true });
  const visitorId = await conversationVisitor(id);
  if (!visitorId) {
    turn.giveBack();
    return jsonError(404, "No such conversation");
  }
  publishEphemeral({ topic: `visitor:${visitorId}`, type: "typing", payload: { who: "team" } });
  publishEphemeral({ topic: "team", type: "typing", payload: { conversationId: id, who: "team", userId: member.user.id } });
  return jsonOk({ ok: true });
}
