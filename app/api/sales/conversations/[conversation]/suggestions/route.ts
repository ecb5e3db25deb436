// POST /api/sales/conversations/<id>/suggestions {kind, target, why} — a suggestion card: a page of the product
// or a step of the demo's tour, with one line of why.
import { postSuggestion, suggestionRequestSchema } from "@/lib/conversations/suggestions";
import { methodNotAllowed } from "@/lib/http/responses";
import { teamRoute } from "@/lib/http/team-route";

export const POST = teamRoute(
  { permission: "sales", params: ["conversation"], body: suggestionRequestSchema, maxBodyBytes: 4096 },
  ({ member, params, body }) => postSuggestion(member, params.conversation, body),
);

export const GET = methodNotAllowed("POST");
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
