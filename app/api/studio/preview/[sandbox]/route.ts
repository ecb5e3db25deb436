// PATCH /api/studio/preview/<sandbox> {persona?, locale?} — switch a studio preview's persona or locale.
import { roleOrRefusal } from "@/lib/auth/team-session";
import { methodNotAllowed } from "@/lib/http/responses";
import { patchPreviewSettings } from "@/lib/studio/preview/settings-api";

type Context = { params: Promise<{ sandbox: string }> };

export async function PATCH(request: Request, context: Context): Promise<Response> {
  const member = await roleOrRefusal(request, "studio");
  if (member instanceof Response) return member;
  const { sandbox } = await context.params;
  return patchPreviewSettings(request, sandbox, member.user.id);
}

export const GET = methodNotAllowed("PATCH");
export const POST = GET;
export const PUT = GET;
export const DELETE = GET;
