// POST /api/sales/conversations/<id>/messages — a team member's reply (the first reply takes the conversation).
import { maxReplyBytes, postReply, replySchema } from "@/lib/conversations/team-api";
import { methodNotAllowed } from "@/lib/http/responses";
import { teamRoute } from "@/lib/http/team-route";

export const POST = teamRoute(
  { permission: "sales", params: ["conversation"], body: replySchema, maxBodyBytes: maxReplyBytes },
  ({ member, params, body }) => postReply(member, params.conversation, body),
);

export const GET = methodNotAllowed("POST");
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
