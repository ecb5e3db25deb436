// DELETE /api/sales/links/<token> — revoke a share link (the prospect still gets the demo, unattributed).
import { answer } from "@/lib/accounts/api-io";
import { revokeShareLink } from "@/lib/accounts/share-links";
import { roleOrRefusal } from "@/lib/auth/team-session";
import { jsonOk, methodNotAllowed } from "@/lib/http/responses";

export async function DELETE(request: Request, context: { params: Promise<{ token: string }> }): Promise<Response> {
  const member = await roleOrRefusal(request, "sales");
  if (member instanceof Response) return member;
  const { token } = await context.params;
  return answer(async () => {
    await revokeShareLink(token, member.user);
    return jsonOk({ revoked: true });
  });
}

export const GET = methodNotAllowed("DELETE");
export const POST = GET;
export const PUT = GET;
export const PATCH = GET;
