// GET /api/sales/links — the team's share links with their visits; POST — create one for an account.
import { answer, readJsonBody } from "@/lib/accounts/api-io";
import { createShareLink, listShareLinks } from "@/lib/accounts/share-links";
import { roleOrRefusal } from "@/lib/auth/team-session";
import { jsonOk, methodNotAllowed } from "@/lib/http/responses";

export async function GET(request: Request): Promise<Response> {
  const member = await roleOrRefusal(request, "sales");
  if (member instanceof Response) return member;
  return jsonOk({ links: await listShareLinks() });
}

export async function POST(request: Request): Promise<Response> {
  const member = await roleOrRefusal(request, "sales");
  if (member instanceof Response) return member;
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  return answer(async () => {
    const link = await createShareLink(body.value, member.user);
    const url = new URL(`/try/${link.demoSlug}?via=${link.token}`, request.url);
    return jsonOk({ link, path: `${url.pathname}${url.search}` }, 201);
  });
}

export const PUT = methodNotAllowed("GET", "POST");
export const PATCH = PUT;
export const DELETE = PUT;
