// GET /api/sales/conversations/<id> — a thread with the prospect's context; PATCH — close, reopen, mute.
import { roleOrRefusal } from "@/lib/auth/team-session";
import { getThread, patchConversation } from "@/lib/conversations/team-api";
import { methodNotAllowed } from "@/lib/http/responses";

type Params = { params: Promise<{ conversation: string }> };

export async function GET(request: Request, { params }: Params): Promise<Response> {
  const member = await roleOrRefusal(request, "sales");
  return member instanceof Response ? member : await getThread((await params).conversation);
}

export async function PATCH(request: Request, { params }: Params): Promise<Response> {
  const member = await roleOrRefusal(request, "sales");
  return member instanceof Response ? member : await patchConversation(request, member, (await params).conversation);
}

export const POST = methodNotAllowed("GET", "PATCH");
export const PUT = POST;
export const DELETE = POST;
