// GET /api/sales/team — the team (any workspace member); POST — add a member (admins only).
import { addTeamMember, listTeamMembers } from "@/lib/auth/team";
import { jsonOk, methodNotAllowed } from "@/lib/http/responses";
import { jsonObject, teamRoute } from "@/lib/http/team-route";

export const GET = teamRoute({ permission: "sales" }, async () => ({ members: await listTeamMembers() }));

export const POST = teamRoute({ permission: "team", body: jsonObject }, async ({ body }) =>
  jsonOk({ member: await addTeamMember(body) }, 201),
);

export const PUT = methodNotAllowed("GET", "POST");
export const PATCH = PUT;
export const DELETE = PUT;
