// GET /api/sales/hot-list?demo=&from=&to=&who=&hand=&persona=&mine= — the hot list as JSON, team members only.
import { teamMemberOrUnauthorized } from "@/lib/auth/team-session";
import { jsonError, jsonOk, methodNotAllowed } from "@/lib/http/responses";
import { hotList } from "@/lib/insights/hot-list";
import { parseHotListFilters } from "@/lib/insights/hot-list-filters";
import { formatReasons } from "@/lib/insights/score";

export async function GET(request: Request): Promise<Response> {
  const member = await teamMemberOrUnauthorized(request);
  if (member instanceof Response) return member;
  const parsed = parseHotListFilters(new URL(request.url).searchParams);
  if (!parsed.ok) return jsonError(400, parsed.error);
  const result = await hotList(parsed.filters, { userId: member.user.id, limit: 200 });
  if (!result.ok) return jsonError(400, result.error);
  return jsonOk({
    pending: result.list.pending,
    entries: result.list.entries.map(({ rankKey: _rankKey, ...entry }) => ({ ...entry, reasonsText: formatReasons(entry.reasons) })),
  });
}

export const POST = methodNotAllowed("GET");
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
