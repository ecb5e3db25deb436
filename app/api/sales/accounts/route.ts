// GET /api/sales/accounts — every account with its people and links.
import { listAccounts } from "@/lib/accounts/accounts";
import { methodNotAllowed } from "@/lib/http/responses";
import { teamRoute } from "@/lib/http/team-route";

export const GET = teamRoute({ permission: "sales" }, async () => ({ accounts: await listAccounts() }));

export const POST = methodNotAllowed("GET");
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
