// GET /api/studio/demo-version — { version, watching }: how a studio page learns that the demo files changed
// (the contract is documented in lib/studio/demo-version.ts). Marketers and admins only.
import { roleOrRefusal } from "@/lib/auth/team-session";
import { jsonOk, methodNotAllowed } from "@/lib/http/responses";
import { demoVersion } from "@/lib/studio/demo-version";

export async function GET(request: Request): Promise<Response> {
  const member = await roleOrRefusal(request, "studio");
  if (member instanceof Response) return member;
  return jsonOk(demoVersion());
}

export const POST = methodNotAllowed("GET");
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
