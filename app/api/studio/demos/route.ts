// GET /api/studio/demos — the studio's demo list as JSON: problems, last check, funnel splits, biggest
// drop-off and per-step target-missing counts with the jump flag. Marketers and admins only.
import { roleOrRefusal } from "@/lib/auth/team-session";
import { jsonOk, methodNotAllowed } from "@/lib/http/responses";
import { studioDemoList } from "@/lib/studio/demo-list";

export async function GET(request: Request): Promise<Response> {
  const member = await roleOrRefusal(request, "studio");
  if (member instanceof Response) return member;
  // The full funnel stays on the page; the list answers what the page's cards show.
  return jsonOk({ demos: (await studioDemoList()).map(({ funnel: _funnel, ...demo }) => demo) });
}

export const POST = methodNotAllowed("GET");
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
