// GET /api/sales/export/accounts.csv — every scored account with its score and reasons, streamed; team members only.
import { methodNotAllowed } from "@/lib/http/responses";
import { teamRoute } from "@/lib/http/team-route";
import { csvExportResponse } from "@/lib/insights/csv-response";

export const GET = teamRoute({ permission: "sales" }, () => csvExportResponse("accounts"));

export const POST = methodNotAllowed("GET");
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
