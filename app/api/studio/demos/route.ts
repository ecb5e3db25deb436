// GET /api/studio/demos — the studio's demo list as JSON: problems, last check, funnel splits, biggest
// drop-off and per-step target-missing counts with the jump flag. Marketers and admins only.
import { methodNotAllowed } from "@/lib/http/responses";
import { teamRoute } from "@/lib/http/team-route";
import { studioDemoList } from "@/lib/studio/demo-list";

// The full funnel stays on the page; the list answers what the page's cards show.
export const GET = teamRoute({ permission: "studio" }, async () => ({
  demos: (await studioDemoList()).map(({ funnel: _funnel, ...demo }) => demo),
}));

export const POST = methodNotAllowed("GET");
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
