// The team's side of conversations over HTTP, behind the one guard: the inbox, a thread with the prospect's
// context, a reply, close / mute, "typing".
import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { controlDb } from "@/db/client";
import { user } from "@/db/control/schema";
import { teamMemberOrUnauthorized } from "@/lib/auth/team-session";
import { parseJsonBody } from "@/lib/http/read-json-body";
import { jsonError, jsonOk } from "@/lib/http/responses";
import { publishEphemeral } from "@/lib/live/hub";
import { isWellFormedId } from "@/lib/sandbox/ids";
import { conversationContext } from "./context";
import { postTeamMessage, teamInbox, teamThread, updateConversation } from "./conversations";
import { maxMessageLength } from "./message-input";

const maxBodyBytes = maxMessageLength * 6 + 512;
const replySchema = z.object({ body: z.string({ error: "Type a reply first" }) }).strict();
const changeSchema = z
  .object({ status: z.enum(["open", "closed"]).optional(), muted: z.boolean().optional() })
  .strict()
  .refine((change) => change.status !== undefined || change.muted !== undefined, "Send status or muted");

type Member = { userId: string };

/** A signed-in member whose role works conversations (admins and reps), or the refusal to return. */
export async function conversationMember(request: Request): Promise<Member | Response> {
  const found = await teamMemberOrUnauthorized(request);
  if (found instanceof Response) return found;
  const role = controlDb().select({ role: user.role }).from(user).where(eq(user.id, found.user.id)).get()?.role;
  if (role !== "admin" && role !== "rep") return jsonError(403, "Your role does not take conversations; ask an admin");
  return { userId: found.user.id };
}

const raw = (request: Request) => ({
  contentType: request.headers.get("content-type"),
  contentLength: request.headers.get("content-length"),
  chunks: request.body as AsyncIterable<Uint8Array> | null,
});

function conversationId(value: string): string | undefined {
  return isWellFormedId(value) ? value : undefined;
}

export async function getInbox(request: Request): Promise<Response> {
  const member = await conversationMember(request);
  if (member instanceof Response) return member;
  return jsonOk({ conversations: teamInbox() });
}

export async function getThread(request: Request, id: string): Promise<Response> {
  const member = await conversationMember(request);
  if (member instanceof Response) return member;
  const thread = conversationId(id) ? teamThread(id) : undefined;
  if (!thread) return jsonError(404, "No such conversation");
  return jsonOk({ conversation: thread, context: conversationContext(thread) });
}

export async function postReply(request: Request, id: string): Promise<Response> {
  const member = await conversationMember(request);
  if (member instanceof Response) return member;
  if (!conversationId(id)) return jsonError(404, "No such conversation");
  const parsed = await parseJsonBody(raw(request), replySchema, maxBodyBytes);
  if (!parsed.ok) return jsonError(parsed.status, parsed.error);
  const result = postTeamMessage({ conversationId: id, userId: member.userId, body: parsed.value.body });
  if ("messageId" in result) return jsonOk({ messageId: result.messageId }, 201);
  return jsonError(result.status, result.error);
}

export async function patchConversation(request: Request, id: string): Promise<Response> {
  const member = await conversationMember(request);
  if (member instanceof Response) return member;
  if (!conversationId(id)) return jsonError(404, "No such conversation");
  const parsed = await parseJsonBody(raw(request), changeSchema, 1024);
  if (!parsed.ok) return jsonError(parsed.status, parsed.error);
  const result = updateConversation(id, parsed.value);
  return "ok" in result ? jsonOk({ ok: true }) : jsonError(result.status, result.error);
}

export async function teamTyping(request: Request, id: string): Promise<Response> {
  const member = await conversationMember(request);
  if (member instanceof Response) return member;
  const thread = conversationId(id) ? teamThread(id) : undefined;
  if (!thread) return jsonError(404, "No such conversation");
  publishEphemeral(`visitor:${thread.visitorId}`, "typing", { who: "team" });
  publishEphemeral("team", "typing", { conversationId: id, who: "team", userId: member.userId });
  return jsonOk({ ok: true });
}
