// GET /api/sales/accounts — every account with its people and links.
import { listAccounts } from "@/lib/accounts/accounts";
import { roleOrRefusal } from "@/lib/auth/team-session";
import { jsonOk, methodNotAllowed } from "@/lib/http/responses";

export async function GET(request: Request): Promise<Response> {
  const member = await roleOrRefusal(request, "sales");
  if (member instanceof Response) return member;
  return jsonOk({ accounts: await listAccounts() });
}

export const POST = methodNotAllowed("GET");
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
