// DELETE /api/sales/links/<token> — revoke a share link (the prospect still gets the demo, unattributed).
import { revokeShareLink } from "@/lib/accounts/share-links";
import { methodNotAllowed } from "@/lib/http/responses";
import { teamRoute } from "@/lib/http/team-route";

export const DELETE = teamRoute({ permission: "sales", params: ["token"] }, async ({ member, params }) => {
  await revokeShareLink(params.token, member.user);
  return { revoked: true };
});

export const GET = methodNotAllowed("DELETE");
export const POST = GET;
export const PUT = GET;
export const PATCH = GET;
