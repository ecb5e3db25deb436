// PATCH /api/sales/team/<id> {name} or {role} — rename a member or change their role; DELETE — remove them.
// Admins only, and never the team's last admin.
import { changeTeamMember, removeTeamMemberById } from "@/lib/auth/team";
import { methodNotAllowed } from "@/lib/http/responses";
import { jsonObject, teamRoute } from "@/lib/http/team-route";

export const PATCH = teamRoute({ permission: "team", params: ["member"], body: jsonObject }, async ({ params, body }) => ({
  member: await changeTeamMember(params.member, body),
}));

export const DELETE = teamRoute({ permission: "team", params: ["member"] }, async ({ params }) => {
  await removeTeamMemberById(params.member);
  return { removed: true };
});

export const GET = methodNotAllowed("PATCH", "DELETE");
export const POST = GET;
export const PUT = GET;
