// GET /api/sales/hot-list?demo=&from=&to=&who=&hand=&persona=&mine= — the hot list as JSON, team members only.
import { ApiError } from "@/lib/http/api-error";
import { methodNotAllowed } from "@/lib/http/responses";
import { teamRoute } from "@/lib/http/team-route";
import { hotList } from "@/lib/insights/hot-list";
import { parseHotListFilters } from "@/lib/insights/hot-list-filters";
import { formatReasons } from "@/lib/insights/score";

export const GET = teamRoute({ permission: "sales" }, async ({ request, member }) => {
  const parsed = parseHotListFilters(new URL(request.url).searchParams);
  if (!parsed.ok) throw new ApiError(400, parsed.error);
  const result = await hotList(parsed.filters, { userId: member.user.id, limit: 200 });
  if (!result.ok) throw new ApiError(400, result.error);
  return {
    pending: result.list.pending,
    entries: result.list.entries.map(({ rankKey: _rankKey, ...entry }) => ({ ...entry, reasonsText: formatReasons(entry.reasons) })),
  };
});

export const POST = methodNotAllowed("GET");
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
