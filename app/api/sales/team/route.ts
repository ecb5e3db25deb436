// GET /api/sales/team — the team (any workspace member); POST — add a member (admins only).
import { answer, readJsonBody } from "@/lib/accounts/api-io";
import { addTeamMember, listTeamMembers } from "@/lib/auth/team";
import { roleOrRefusal } from "@/lib/auth/team-session";
import { jsonOk, methodNotAllowed } from "@/lib/http/responses";

export async function GET(request: Request): Promise<Response> {
  const member = await roleOrRefusal(request, "sales");
  if (member instanceof Response) return member;
  return jsonOk({ members: await listTeamMembers() });
}

export async function POST(request: Request): Promise<Response> {
  const admin = await roleOrRefusal(request, "team");
  if (admin instanceof Response) return admin;
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  return answer(async () => jsonOk({ member: await addTeamMember(body.value as Record<string, unknown>) }, 201));
}

export const PUT = methodNotAllowed("GET", "POST");
export const PATCH = PUT;
export const DELETE = PUT;
