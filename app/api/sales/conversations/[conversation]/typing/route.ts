// POST /api/sales/conversations/<id>/typing — "someone from the team is typing", to the prospect's panel.
import { teamTyping } from "@/lib/conversations/team-api";
import { methodNotAllowed } from "@/lib/http/responses";
import { teamRoute } from "@/lib/http/team-route";

export const POST = teamRoute({ permission: "sales", params: ["conversation"] }, ({ member, params }) =>
  teamTyping(member, params.conversation),
);

export const GET = methodNotAllowed("POST");
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
