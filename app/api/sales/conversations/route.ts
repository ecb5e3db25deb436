// GET /api/sales/conversations — the team's inbox as JSON.
import { getInbox } from "@/lib/conversations/team-api";
import { methodNotAllowed } from "@/lib/http/responses";

export const GET = getInbox;
export const POST = methodNotAllowed("GET");
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
