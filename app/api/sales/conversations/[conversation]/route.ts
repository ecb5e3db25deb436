// GET /api/sales/conversations/<id> — a thread with the prospect's context; PATCH — close, reopen, mute.
import { changeSchema, getThread, patchConversation } from "@/lib/conversations/team-api";
import { methodNotAllowed } from "@/lib/http/responses";
import { teamRoute } from "@/lib/http/team-route";

export const GET = teamRoute({ permission: "sales", params: ["conversation"] }, ({ params }) => getThread(params.conversation));

export const PATCH = teamRoute(
  { permission: "sales", params: ["conversation"], body: changeSchema, maxBodyBytes: 1024 },
  ({ params, body }) => patchConversation(params.conversation, body),
);

export const POST = methodNotAllowed("GET", "PATCH");
export const PUT = POST;
export const DELETE = POST;
