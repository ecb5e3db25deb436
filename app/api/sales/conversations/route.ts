// GET /api/sales/conversations — the team's inbox as JSON.
import { getInbox } from "@/lib/conversations/team-api";
import { methodNotAllowed } from "@/lib/http/responses";
import { teamRoute } from "@/lib/http/team-route";

export const GET = teamRoute({ permission: "sales" }, () => getInbox());

export const POST = methodNotAllowed("GET");
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
