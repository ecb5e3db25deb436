// GET /api/sales/accounts/<id> — one account with its people; PATCH {ownerUserId} — reassign it (admins).
import { accountDetail, reassignAccount } from "@/lib/accounts/accounts";
import { answer, readJsonBody } from "@/lib/accounts/api-io";
import { roleOrRefusal } from "@/lib/auth/team-session";
import { jsonError, jsonOk, methodNotAllowed } from "@/lib/http/responses";

type Context = { params: Promise<{ account: string }> };

export async function GET(request: Request, context: Context): Promise<Response> {
  const member = await roleOrRefusal(request, "sales");
  if (member instanceof Response) return member;
  const detail = await accountDetail((await context.params).account);
  return detail ? jsonOk(detail) : jsonError(404, "No account has that id");
}

export async function PATCH(request: Request, context: Context): Promise<Response> {
  const member = await roleOrRefusal(request, "sales");
  if (member instanceof Response) return member;
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  const { account } = await context.params;
  return answer(async () => {
    await reassignAccount(account, (body.value as { ownerUserId?: unknown }).ownerUserId, member.user);
    return jsonOk({ reassigned: true });
  });
}

export const POST = methodNotAllowed("GET", "PATCH");
export const PUT = POST;
export const DELETE = POST;
