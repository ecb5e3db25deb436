// POST /api/sales/conversations/<id>/typing — "someone from the team is typing", to the prospect's panel.
import { roleOrRefusal } from "@/lib/auth/team-session";
import { teamTyping } from "@/lib/conversations/team-api";
import { methodNotAllowed } from "@/lib/http/responses";

type Params = { params: Promise<{ conversation: string }> };

export async function POST(request: Request, { params }: Params): Promise<Response> {
  const member = await roleOrRefusal(request, "sales");
  return member instanceof Response ? member : await teamTyping(request, member, (await params).conversation);
}

export const GET = methodNotAllowed("POST");
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
