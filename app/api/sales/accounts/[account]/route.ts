// GET /api/sales/accounts/<id> — one account with its people; PATCH {ownerUserId} — reassign it (admins).
import { accountDetail, reassignAccount } from "@/lib/accounts/accounts";
import { ApiError } from "@/lib/http/api-error";
import { methodNotAllowed } from "@/lib/http/responses";
import { jsonObject, teamRoute } from "@/lib/http/team-route";

export const GET = teamRoute({ permission: "sales", params: ["account"] }, async ({ params }) => {
  const detail = await accountDetail(params.account);
  if (!detail) throw new ApiError(404, "No account has that id");
  return detail;
});

export const PATCH = teamRoute({ permission: "sales", params: ["account"], body: jsonObject }, async ({ member, params, body }) => {
  await reassignAccount(params.account, body.ownerUserId, member.user);
  return { reassigned: true };
});

export const POST = methodNotAllowed("GET", "PATCH");
export const PUT = POST;
export const DELETE = POST;
