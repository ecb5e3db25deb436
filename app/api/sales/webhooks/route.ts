// GET /api/sales/webhooks — webhooks and the delivery log; POST — add one (admins only).
import { roleOrRefusal } from "@/lib/auth/team-session";
import { methodNotAllowed } from "@/lib/http/responses";
import { getWebhooks, postWebhook } from "@/lib/webhooks/admin-api";

export async function GET(request: Request): Promise<Response> {
  const admin = await roleOrRefusal(request, "webhooks");
  return admin instanceof Response ? admin : await getWebhooks();
}

export async function POST(request: Request): Promise<Response> {
  const admin = await roleOrRefusal(request, "webhooks");
  return admin instanceof Response ? admin : await postWebhook(request, admin);
}

export const PUT = methodNotAllowed("GET", "POST");
export const PATCH = PUT;
export const DELETE = PUT;
