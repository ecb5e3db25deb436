// The team's side of conversations over HTTP, behind the one guard: the inbox, a thread with the prospect's
// context, a reply, close / mute, "typing". The routes (lib/http/team-route.ts) run the guard, parse the bodies
// with the schemas below and hand the member in; a refusal is thrown as an ApiError.
import "server-only";
import { z } from "zod";
import type { ReplySent, TeamInbox, TeamThreadAnswer } from "@/lib/contracts/conversations";
import { ApiError } from "@/lib/http/api-error";
import { jsonError, jsonOk } from "@/lib/http/responses";
import { publishEphemeral } from "@/lib/live/hub";
import { isWellFormedId } from "@/lib/sandbox/ids";
import { conversationContext } from "./context";
import { conversationVisitor, postTeamMessage, teamInbox, teamThread, updateConversation } from "./conversations";
import { maxMessageLength } from "./message-input";
import { suggestableFor } from "./suggestions";
import { takeTypingTurn } from "./typing";

/** A reply's body at most: the longest message with every character escaped as \uXXXX, and room for the rest. */
export const maxReplyBytes = maxMessageLength * 6 + 512;
export const replySchema = z.object({ body: z.string({ error: "Type a reply first" }) }).strict();
export const changeSchema = z
  .object({ status: z.enum(["open", "closed"]).optional(), muted: z.boolean().optional() })
  .strict()
  .refine((change) => change.status !== undefined || change.muted !== undefined, "Send status or muted");

/** Who is answering: the member the route's guard let in. */
export type Member = { user: { id: string } };

const noSuchConversation = () => new ApiError(404, "No such conversation");

function conversationId(value: string): string | undefined {
  return isWellFormedId(value) ? value : undefined;
}

export async function getInbox(): Promise<Response> {
  return jsonOk({ conversations: await teamInbox() } satisfies TeamInbox);
}

export async function getThread(id: string): Promise<Response> {
  const thread = conversationId(id) ? await teamThread(id) : undefined;
  if (!thread) return jsonError(404, "No such conversation");
  return jsonOk({
    conversation: thread,
    context: await conversationContext(thread),
    suggestable: await suggestableFor(thread.demoSlug),
  } satisfies TeamThreadAnswer);
}

export async function postReply(member: Member, id: string, reply: z.output<typeof replySchema>): Promise<Response> {
  if (!conversationId(id)) throw noSuchConversation();
  const result = await postTeamMessage({ conversationId: id, userId: member.user.id, body: reply.body });
  if (!("messageId" in result)) throw new ApiError(result.status, result.error);
  return jsonOk({ messageId: result.messageId } satisfies ReplySent, 201);
}

export async function patchConversation(id: string, change: z.output<typeof changeSchema>): Promise<{ ok: true }> {
  if (!conversationId(id)) throw noSuchConversation();
  const result = await updateConversation(id, change);
  if (!("ok" in result)) throw new ApiError(result.status, result.error);
  return { ok: true };
}

export async function teamTyping(member: Member, id: string): Promise<{ ok: true }> {
  // Coalesced per member and conversation before anything is read (lib/conversations/typing.ts).
  const sender = `member:${member.user.id}:${id}`;
  if (!conversationId(id)) throw noSuchConversation();
  const turn = takeTypingTurn(sender);
  if (!turn) return { ok: true };
  const visitorId = await conversationVisitor(id);
  if (!visitorId) {
    turn.giveBack();
    throw noSuchConversation();
  }
  publishEphemeral({ topic: `visitor:${visitorId}`, type: "typing", payload: { who: "team" } });
  publishEphemeral({ topic: "team", type: "typing", payload: { conversationId: id, who: "team", userId: member.user.id } });
  return { ok: true };
}
