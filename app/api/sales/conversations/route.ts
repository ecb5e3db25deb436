// GET /api/sales/conversations — the team's inbox as JSON.
import { roleOrRefusal } from "@/lib/auth/team-session";
import { getInbox } from "@/lib/conversations/team-api";
import { methodNotAllowed } from "@/lib/http/responses";

export async function GET(request: Request): Promise<Response> {
  const member = await roleOrRefusal(request, "sales");
  return member instanceof Response ? member : await getInbox();
}

export const POST = methodNotAllowed("GET");
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
