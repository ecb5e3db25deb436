// GET /api/sales/visitors — the visitor list as JSON, for team members only.
import { teamMemberOrUnauthorized } from "@/lib/auth/team-session";
import { jsonOk, methodNotAllowed } from "@/lib/http/responses";
import { listVisitors } from "@/lib/insights/visitors";

export async function GET(request: Request): Promise<Response> {
  const member = await teamMemberOrUnauthorized(request);
  if (member instanceof Response) return member;
  return jsonOk({ visitors: await listVisitors() });
}

export const POST = methodNotAllowed("GET");
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
