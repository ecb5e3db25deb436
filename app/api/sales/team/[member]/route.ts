// PATCH /api/sales/team/<id> {name} or {role} — rename a member or change their role; DELETE — remove them.
// Admins only, and never the team's last admin.
import { answer, readJsonBody } from "@/lib/accounts/api-io";
import { changeTeamMember, removeTeamMemberById } from "@/lib/auth/team";
import { roleOrRefusal } from "@/lib/auth/team-session";
import { jsonOk, methodNotAllowed } from "@/lib/http/responses";

type Context = { params: Promise<{ member: string }> };

export async function PATCH(request: Request, context: Context): Promise<Response> {
  const admin = await roleOrRefusal(request, "team");
  if (admin instanceof Response) return admin;
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  const { member } = await context.params;
  return answer(async () => jsonOk({ member: await changeTeamMember(member, body.value) }));
}

export async function DELETE(request: Request, context: Context): Promise<Response> {
  const admin = await roleOrRefusal(request, "team");
  if (admin instanceof Response) return admin;
  const { member } = await context.params;
  return answer(async () => {
    await removeTeamMemberById(member);
    return jsonOk({ removed: true });
  });
}

export const GET = methodNotAllowed("PATCH", "DELETE");
export const POST = GET;
export const PUT = GET;
