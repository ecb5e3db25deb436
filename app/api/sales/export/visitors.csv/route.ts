// GET /api/sales/export/visitors.csv — every scored visitor with its score and reasons, streamed; team members only.
import { methodNotAllowed } from "@/lib/http/responses";
import { teamRoute } from "@/lib/http/team-route";
import { csvExportResponse } from "@/lib/insights/csv-response";

export const GET = teamRoute({ permission: "sales" }, () => csvExportResponse("visitors"));

export const POST = methodNotAllowed("GET");
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
