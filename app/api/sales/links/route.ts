// GET /api/sales/links — the team's share links with their visits; POST — create one for an account.
import { createShareLink, listShareLinks } from "@/lib/accounts/share-links";
import { jsonOk, methodNotAllowed } from "@/lib/http/responses";
import { jsonObject, teamRoute } from "@/lib/http/team-route";

export const GET = teamRoute({ permission: "sales" }, async () => ({ links: await listShareLinks() }));

export const POST = teamRoute({ permission: "sales", body: jsonObject }, async ({ request, member, body }) => {
  const link = await createShareLink(body, member.user);
  const url = new URL(`/try/${link.demoSlug}?via=${link.token}`, request.url);
  return jsonOk({ link, path: `${url.pathname}${url.search}` }, 201);
});

export const PUT = methodNotAllowed("GET", "POST");
export const PATCH = PUT;
export const DELETE = PUT;
