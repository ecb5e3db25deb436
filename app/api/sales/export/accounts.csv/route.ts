// GET /api/sales/export/accounts.csv — every scored account with its score and reasons, streamed; team members only.
import { teamMemberOrUnauthorized } from "@/lib/auth/team-session";
import { methodNotAllowed } from "@/lib/http/responses";
import { csvExportResponse } from "@/lib/insights/csv-response";

export async function GET(request: Request): Promise<Response> {
  const member = await teamMemberOrUnauthorized(request);
  if (member instanceof Response) return member;
  return csvExportResponse("accounts");
}

export const POST = methodNotAllowed("GET");
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
