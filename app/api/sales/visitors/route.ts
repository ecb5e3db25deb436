// GET /api/sales/visitors — the visitor list as JSON, for team members only.
import { methodNotAllowed } from "@/lib/http/responses";
import { teamRoute } from "@/lib/http/team-route";
import { listVisitors } from "@/lib/insights/visitors";

export const GET = teamRoute({ permission: "sales" }, async () => ({ visitors: await listVisitors() }));

export const POST = methodNotAllowed("GET");
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
